using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Output;

/// <summary>
/// Compiler-style lines that editors and CI logs turn into links: <c>path:line:col: level CODE: message</c>,
/// one per finding or notification in file order, then a summary line. A finding's related locations, such
/// as the includes that pulled its file in, follow it as <c>path:line:col: note: message</c> lines, the way
/// GCC and Clang print notes. Suppressed findings and those a baseline records are left out and only counted in the summary. Paths are
/// relative to the result's base folder when inside it.
/// </summary>
public sealed class TextFormatter : ILintFormatter
{
    /// <summary>The label of a related-location line. It has no code, so it never reads as a finding.</summary>
    private const string RelatedLevel = "note";

    public void Write(LintResult result, TextWriter writer)
    {
        foreach (var notification in result.Notifications.Where(notification => notification.Location is null))
        {
            writer.WriteLine(LevelNames.Of(notification.Level) + " " + notification.Code + ": " + notification.Message);
        }

        foreach (var entry in LocatedEntries(result))
        {
            foreach (var line in entry.Lines)
            {
                writer.WriteLine(line);
            }
        }

        writer.WriteLine(Summary(result));
    }

    /// <summary>
    /// Returns the closing line: the findings by level and the files analyzed, then, when reading the input
    /// raised any notification, those by level, as in
    /// <c>2 errors, 1 warning, 0 notes in 3 files; 2 suppressed; input problems: 1 error, 1 warning, 0 notes</c>.
    /// The suppressed count appears only when a comment suppressed some finding, and the baseline count only
    /// when a baseline file records some finding.
    /// </summary>
    public static string Summary(LintResult result)
    {
        var summary = Count(result.CountFindings(RuleSeverity.Error), "error")
            + ", " + Count(result.CountFindings(RuleSeverity.Warning), "warning")
            + ", " + Count(result.CountFindings(RuleSeverity.Info), "note")
            + " in " + Count(result.FilesAnalyzed.Count, "file");
        var suppressed = result.CountSuppressedFindings();
        if (suppressed > 0)
        {
            summary += "; " + suppressed.ToString(CultureInfo.InvariantCulture) + " suppressed";
        }

        var inBaseline = result.CountBaselineFindings();
        if (inBaseline > 0)
        {
            summary += "; " + inBaseline.ToString(CultureInfo.InvariantCulture) + " in the baseline";
        }

        if (result.Notifications.Count == 0)
        {
            return summary;
        }

        return summary + "; input problems: "
            + Count(result.CountNotifications(NotificationLevel.Error), "error")
            + ", " + Count(result.CountNotifications(NotificationLevel.Warning), "warning")
            + ", " + Count(result.CountNotifications(NotificationLevel.Note), "note");
    }

    private static IEnumerable<LocatedEntry> LocatedEntries(LintResult result)
    {
        var notifications = result.Notifications
            .Where(notification => notification.Location is not null)
            .Select(notification => new LocatedEntry(
                notification.Location!,
                0,
                new[] { Format(notification.Location!, result.BaseDirectory, LevelNames.Of(notification.Level) + " " + notification.Code, notification.Message) }));

        var findings = result.Findings.Where(finding => finding.IsReported).Select(finding => new LocatedEntry(
            finding.Location,
            1,
            FindingLines(finding, result.BaseDirectory)));

        // At one position a read problem comes before a finding, because it may explain the finding.
        return notifications.Concat(findings)
            .OrderBy(entry => entry.Location.FilePath, StringComparer.Ordinal)
            .ThenBy(entry => entry.Location.StartLine)
            .ThenBy(entry => entry.Location.StartColumn)
            .ThenBy(entry => entry.Order);
    }

    private static IReadOnlyList<string> FindingLines(Finding finding, string baseDirectory)
    {
        var lines = new List<string>
        {
            Format(finding.Location, baseDirectory, LevelNames.Of(finding.Severity) + " " + finding.Rule.Id, finding.Message),
        };
        foreach (var related in finding.RelatedLocations)
        {
            lines.Add(Format(related.Location, baseDirectory, RelatedLevel, related.Message));
        }

        return lines;
    }

    private static string Format(SourceLocation location, string baseDirectory, string label, string message) =>
        PathDisplay.ForDisplay(location.FilePath, baseDirectory)
        + ":" + location.StartLine.ToString(CultureInfo.InvariantCulture)
        + ":" + location.StartColumn.ToString(CultureInfo.InvariantCulture)
        + ": " + label + ": " + message;

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    /// <summary>The lines of one finding or notification, sorted as a unit so that notes stay under their finding.</summary>
    private sealed class LocatedEntry
    {
        public LocatedEntry(SourceLocation location, int order, IReadOnlyList<string> lines)
        {
            Location = location;
            Order = order;
            Lines = lines;
        }

        public SourceLocation Location { get; }

        public int Order { get; }

        public IReadOnlyList<string> Lines { get; }
    }
}
