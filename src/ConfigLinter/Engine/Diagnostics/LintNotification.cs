namespace NetSecAnalyzers.ConfigLinter.Diagnostics;

/// <summary>
/// A problem reading the input rather than a rule violation: a syntax error, an include that cannot be
/// opened, an include cycle, a file skipped as not being configuration. SARIF carries these as tool
/// execution notifications.
/// </summary>
public sealed class LintNotification
{
    public LintNotification(string code, NotificationLevel level, string message, SourceLocation? location)
    {
        Code = code;
        Level = level;
        Message = message;
        Location = location;
    }

    /// <summary>A stable short identifier of the kind of problem, such as <c>nginx-syntax</c>.</summary>
    public string Code { get; }

    public NotificationLevel Level { get; }

    public string Message { get; }

    /// <summary>Where the problem is, or null when it concerns no position (an unreadable folder).</summary>
    public SourceLocation? Location { get; }

    public override string ToString() => (Location is null ? string.Empty : Location + ": ") + Message;
}
