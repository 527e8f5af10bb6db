namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>Codes of the notifications the engine itself raises, before any format reader runs.</summary>
public static class NotificationCodes
{
    /// <summary>A path given on the command line does not exist.</summary>
    public const string PathNotFound = "path-not-found";

    /// <summary>A file or folder exists but could not be read.</summary>
    public const string ReadError = "read-error";

    /// <summary>A file met in a folder walk is a symbolic link to a missing file, or one of a loop of links; it is skipped.</summary>
    public const string BrokenLink = "broken-link";

    /// <summary>A file given by name is not of any format the linter reads; it is skipped.</summary>
    public const string UnrecognizedFile = "unrecognized-file";

    /// <summary>A file given by name is empty or blank, or is a pipe or device, so there is nothing to lint; it is skipped.</summary>
    public const string EmptyFile = "empty-file";

    /// <summary>A file given by name contains NUL bytes, so it is binary data, not configuration; it is skipped.</summary>
    public const string BinaryFile = "binary-file";

    /// <summary>A format linter failed with an unexpected exception; its files may be partly analyzed.</summary>
    public const string InternalError = "internal-error";

    /// <summary>A suppression comment names a rule ID that is not in the catalogue; its other IDs still apply.</summary>
    public const string SuppressionUnknownRule = "suppression-unknown-rule";

    /// <summary>A suppression comment gives no reason after its rule IDs, so it suppresses nothing.</summary>
    public const string SuppressionMissingReason = "suppression-missing-reason";

    /// <summary>A comment starts like a suppression but is not one of its forms, so it suppresses nothing.</summary>
    public const string SuppressionInvalid = "suppression-invalid";

    /// <summary>A suppression comment names a rule that reports nothing where the comment applies.</summary>
    public const string SuppressionUnused = "suppression-unused";
}
