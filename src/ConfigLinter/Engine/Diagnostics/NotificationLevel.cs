namespace NetSecAnalyzers.ConfigLinter.Diagnostics;

/// <summary>How serious a problem of the linter itself is; the names are SARIF's notification levels.</summary>
public enum NotificationLevel
{
    Note,
    Warning,
    Error,
}
