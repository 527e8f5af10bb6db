using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Compose;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;
using NetSecAnalyzers.ConfigLinter.Tests.Nginx;

namespace NetSecAnalyzers.ConfigLinter.Tests.Compose;

/// <summary>Writes compose fixtures to a temporary folder and lints them, with <c>[|...|]</c> markup for the regions a test expects.</summary>
internal static class ComposeFixture
{
    public const string FileName = "compose.yaml";

    /// <summary>Writes <paramref name="files"/> (relative path and text) and lints the first with the compose linter.</summary>
    public static DiagnosticBag Lint(IReadOnlyList<(string Path, string Text)> files, LintOptions? options = null, DiagnosticBag? diagnostics = null)
    {
        using var folder = new TemporaryFolder();
        var paths = files.Select(file => folder.Write(file.Path, file.Text)).ToList();
        diagnostics ??= new DiagnosticBag();
        ComposeLinter.Lint(new[] { paths[0] }, options ?? new LintOptions(), diagnostics);
        return diagnostics;
    }

    public static DiagnosticBag Lint(string text, LintOptions? options = null, DiagnosticBag? diagnostics = null) =>
        Lint(new[] { (FileName, text) }, options, diagnostics);

    public static IReadOnlyList<Finding> FindingsOf(DiagnosticBag diagnostics, RuleDefinition rule) =>
        diagnostics.Findings
            .Where(finding => finding.Rule == rule)
            .OrderBy(finding => finding.Location.StartLine)
            .ThenBy(finding => finding.Location.StartColumn)
            .ToList();

    /// <summary>
    /// Lints a fixture and asserts that reading it raised no notification and that the rule reports exactly
    /// the regions marked with <c>[|...|]</c> (compared by line and column, since the file lives in a
    /// temporary folder). Returns the rule's findings in file order.
    /// </summary>
    public static IReadOnlyList<Finding> AssertReports(RuleDefinition rule, string markup, LintOptions? options = null, DiagnosticBag? diagnostics = null)
    {
        var (text, spans) = NginxFixture.ParseMarkup(markup, FileName);
        var result = Lint(text, options, diagnostics);

        Assert.Empty(result.Notifications.Select(notification => notification.Location?.StartLine + ": " + notification.Message));
        var findings = FindingsOf(result, rule);
        Assert.Equal(spans.Select(Describe), findings.Select(finding => Describe(finding.Location)));
        return findings;
    }

    public static void AssertNoDiagnostic(RuleDefinition rule, string text, LintOptions? options = null)
    {
        var result = Lint(text, options);

        Assert.Empty(result.Notifications.Select(notification => notification.Location?.StartLine + ": " + notification.Message));
        Assert.Empty(FindingsOf(result, rule).Select(finding => finding.Location.StartLine + ": " + finding.Message));
    }

    public static string Describe(SourceLocation location) =>
        location.StartLine + ":" + location.StartColumn + "-" + location.EndLine + ":" + location.EndColumn;
}
