namespace NetSecAnalyzers.ConfigLinter.Configuration;

/// <summary>Codes of the notifications raised while reading a <c>.netsec.ini</c> file.</summary>
public static class ConfigNotificationCodes
{
    /// <summary>A key that netsec does not know; it is ignored.</summary>
    public const string UnknownKey = "config-unknown-key";

    /// <summary>A value the key does not accept; the default stays in force for that key.</summary>
    public const string InvalidValue = "config-invalid-value";

    /// <summary>A line that is neither a comment, a section header nor <c>key = value</c>; it is ignored.</summary>
    public const string Syntax = "config-syntax";
}
