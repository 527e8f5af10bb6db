namespace NetSecAnalyzers.ConfigLinter.Compose;

/// <summary>The codes of the read problems the compose side reports as notifications.</summary>
public static class ComposeNotificationCodes
{
    /// <summary>Text that is not valid YAML, with the parser's message and position.</summary>
    public const string Syntax = "compose-syntax";

    /// <summary>A file too large, too deeply nested, or whose aliases expand too far (an alias bomb).</summary>
    public const string LimitExceeded = "compose-limit-exceeded";

    /// <summary>A YAML file taken for compose by its name whose content is not a compose file.</summary>
    public const string NotCompose = "compose-not-compose";

    /// <summary>An <c>include</c> or <c>extends</c> whose file cannot be read, or that forms a cycle.</summary>
    public const string Reference = "compose-reference";

    /// <summary>A <c>ports</c> entry that Docker would reject.</summary>
    public const string InvalidPort = "compose-invalid-port";
}
