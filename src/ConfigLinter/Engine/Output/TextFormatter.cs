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
/// one per finding or notification in file order, then a summary line. Paths are relative to the result's
/// base folder when inside it.
/// </summary>
public sealed class TextFormatter : ILintFormatter
{
    public void Write(LintResult result, TextWriter writer)
    {
        foreach (var notification in result.Notifications.Where(notification => notification.Location is null))
        {
            writer.WriteLine(LevelNames.Of(notification.Level) + " " + notification.Code + ": " + notification.Message);
        }

        foreach (var line in LocatedLines(result))
        {
            writer.WriteLine(line.Text);
        }

        writer.WriteLine(Summary(result));
    }

    /// <summary>Returns the closing line, such as <c>2 errors, 1 warning, 0 notes in 3 files (1 read error)</c>.</summary>
    public static string Summary(LintResult result)
    {
        var summary = Count(result.CountFindings(RuleSeverity.Error), "error")
            + ", " + Count(result.CountFindings(RuleSeverity.Warning), "warning")
            + ", " + Count(result.CountFindings(RuleSeverity.Info), "note")
            + " in " + Count(result.FilesAnalyzed.Count, "file");

        var readErrors = result.CountNotifications(NotificationLevel.Error);
        return readErrors == 0 ? summary : summary + " (" + Count(readErrors, "read error") + ")";
    }

    private static IEnumerable<LocatedLine> LocatedLines(LintResult result)
    {
        var notifications = result.Notifications
            .Where(notification => notification.Location is not null)
            .Select(notification => new LocatedLine(
                notification.Location!,
                0,
                Format(notification.Location!, result.BaseDirectory, LevelNames.Of(notification.Level), notification.Code, notification.Message)));

        var findings = result.Findings.Select(finding => new LocatedLine(
            finding.Location,
            1,
            Format(finding.Location, result.BaseDirectory, LevelNames.Of(finding.Severity), finding.Rule.Id, finding.Message)));

        // At one position a read problem comes before a finding, because it may explain the finding.
        return notifications.Concat(findings)
            .OrderBy(line => line.Location.FilePath, StringComparer.Ordinal)
            .ThenBy(line => line.Location.StartLine)
            .ThenBy(line => line.Location.StartColumn)
            .ThenBy(line => line.Order);
    }

    private static string Format(SourceLocation location, string baseDirectory, string level, string code, string message) =>
        PathDisplay.ForDisplay(location.FilePath, baseDirectory)
        + ":" + location.StartLine.ToString(CultureInfo.InvariantCulture)
        + ":" + location.StartColumn.ToString(CultureInfo.InvariantCulture)
        + ": " + level + " " + code + ": " + message;

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    private sealed class LocatedLine
    {
        public LocatedLine(SourceLocation location, int order, string text)
        {
            Location = location;
            Order = order;
            Text = text;
        }

        public SourceLocation Location { get; }

        public int Order { get; }

        public string Text { get; }
    }
}
