namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>Codes of the notifications the engine itself raises, before any format reader runs.</summary>
public static class NotificationCodes
{
    /// <summary>A path given on the command line does not exist.</summary>
    public const string PathNotFound = "path-not-found";

    /// <summary>A file or folder exists but could not be read.</summary>
    public const string ReadError = "read-error";

    /// <summary>A file given by name is not of any format the linter reads; it is skipped.</summary>
    public const string UnrecognizedFile = "unrecognized-file";

    /// <summary>A file given by name contains NUL bytes, so it is binary data, not configuration; it is skipped.</summary>
    public const string BinaryFile = "binary-file";

    /// <summary>A format linter failed with an unexpected exception; its files may be partly analyzed.</summary>
    public const string InternalError = "internal-error";
}
