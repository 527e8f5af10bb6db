using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter;

/// <summary>Everything one lint run found, in a stable order, ready for a formatter.</summary>
public sealed class LintResult
{
    /// <param name="baseDirectory">The folder that output formats make paths relative to; made absolute here.</param>
    /// <param name="findings">Rule violations, in any order; they are sorted by file, line, column and rule ID.</param>
    /// <param name="notifications">Problems reading the input; those without a location come first, the rest by file, line and column.</param>
    /// <param name="filesAnalyzed">The files handed to a format linter and the files it read through them, each once.</param>
    public LintResult(
        string baseDirectory,
        IEnumerable<Finding> findings,
        IEnumerable<LintNotification> notifications,
        IEnumerable<string> filesAnalyzed)
    {
        if (baseDirectory is null)
        {
            throw new ArgumentNullException(nameof(baseDirectory));
        }

        BaseDirectory = TrimEndSeparator(Path.GetFullPath(baseDirectory));
        Findings = findings
            .OrderBy(finding => finding.Location.FilePath, StringComparer.Ordinal)
            .ThenBy(finding => finding.Location.StartLine)
            .ThenBy(finding => finding.Location.StartColumn)
            .ThenBy(finding => finding.Rule.Id, StringComparer.Ordinal)
            .ThenBy(finding => finding.Message, StringComparer.Ordinal)
            .ToArray();
        Notifications = notifications
            .OrderBy(notification => notification.Location is not null)
            .ThenBy(notification => notification.Location?.FilePath, StringComparer.Ordinal)
            .ThenBy(notification => notification.Location?.StartLine)
            .ThenBy(notification => notification.Location?.StartColumn)
            .ToArray();
        FilesAnalyzed = filesAnalyzed.ToArray();
    }

    /// <summary>The absolute folder that output paths are relative to, without a trailing separator.</summary>
    public string BaseDirectory { get; }

    /// <summary>Every finding, suppressed ones included; <see cref="Finding.IsSuppressed"/> distinguishes them.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    public IReadOnlyList<LintNotification> Notifications { get; }

    public IReadOnlyList<string> FilesAnalyzed { get; }

    /// <summary>True when some input could not be read or parsed, so the findings may be incomplete.</summary>
    public bool HasErrorNotifications => Notifications.Any(notification => notification.Level == NotificationLevel.Error);

    /// <summary>Counts the reported findings of one severity; suppressed and baseline findings are not counted.</summary>
    public int CountFindings(RuleSeverity severity) => Findings.Count(finding => finding.IsReported && finding.Severity == severity);

    /// <summary>Counts the findings that a baseline records and no comment suppresses.</summary>
    public int CountBaselineFindings() => Findings.Count(finding => !finding.IsSuppressed && finding.BaselineState == BaselineState.Unchanged);

    public int CountSuppressedFindings() => Findings.Count(finding => finding.IsSuppressed);

    public int CountNotifications(NotificationLevel level) => Notifications.Count(notification => notification.Level == level);

    private static string TrimEndSeparator(string path)
    {
        var root = Path.GetPathRoot(path) ?? string.Empty;
        var trimmed = path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return trimmed.Length < root.Length ? root : trimmed;
    }
}
