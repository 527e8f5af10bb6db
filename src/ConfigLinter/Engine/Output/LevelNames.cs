using System;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Output;

/// <summary>The level words every format uses; they are SARIF's level names.</summary>
public static class LevelNames
{
    public static string Of(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        RuleSeverity.Info => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown rule severity."),
    };

    public static string Of(NotificationLevel level) => level switch
    {
        NotificationLevel.Error => "error",
        NotificationLevel.Warning => "warning",
        NotificationLevel.Note => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown notification level."),
    };
}
