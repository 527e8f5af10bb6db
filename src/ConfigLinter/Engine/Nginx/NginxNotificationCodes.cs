namespace NetSecAnalyzers.ConfigLinter.Nginx;

/// <summary>The codes of the read problems the nginx side reports as notifications.</summary>
public static class NginxNotificationCodes
{
    /// <summary>A syntax error, worded as nginx words it.</summary>
    public const string Syntax = "nginx-syntax";

    /// <summary>An <c>include</c> whose file cannot be opened, or that has the wrong number of arguments.</summary>
    public const string Include = "nginx-include";

    /// <summary>
    /// An absolute <c>include</c> the linter does not read: it names a file outside the linted folder, or a
    /// file under the nginx prefix that the linted folder lacks. The deployment machine may have it.
    /// </summary>
    public const string IncludeNotChecked = "nginx-include-not-checked";

    /// <summary>An <c>include</c> that reads a file already being read.</summary>
    public const string IncludeCycle = "nginx-include-cycle";

    /// <summary>A file to read as nginx configuration that contains NUL bytes, so it is binary data.</summary>
    public const string BinaryFile = "nginx-binary-file";

    /// <summary>A UTF-8 byte order mark at the start of a file, which nginx rejects.</summary>
    public const string ByteOrderMark = "nginx-byte-order-mark";

    /// <summary>A directive value nginx rejects, such as an unknown protocol name.</summary>
    public const string InvalidValue = "nginx-invalid-value";
}
