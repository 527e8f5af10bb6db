using System.Collections.Generic;
using System.Linq;
using System.Text;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Nginx;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

/// <summary>Reads inline nginx fixtures, with <c>[|...|]</c> markup for the regions a test expects.</summary>
internal static class NginxFixture
{
    public const string FilePath = "fixture/nginx.conf";

    public static NginxConfiguration Read(string text, DiagnosticBag diagnostics) =>
        NginxReader.ReadText(FilePath, text, diagnostics);

    public static IReadOnlyList<LintNotification> SyntaxErrors(string text)
    {
        var diagnostics = new DiagnosticBag();
        Read(text, diagnostics);
        return diagnostics.Notifications.Where(notification => notification.Code == NginxNotificationCodes.Syntax).ToList();
    }

    /// <summary>Reads a fixture and runs the nginx rules over it.</summary>
    public static DiagnosticBag Lint(string text, LintOptions? options = null)
    {
        var diagnostics = new DiagnosticBag();
        var configuration = Read(text, diagnostics);
        NginxLinter.Analyze(configuration, options ?? new LintOptions(), diagnostics);
        return diagnostics;
    }

    /// <summary>Returns the findings of one rule, so that a rule's test does not depend on what the other rules report.</summary>
    public static IReadOnlyList<Finding> FindingsOf(DiagnosticBag diagnostics, RuleDefinition rule) =>
        diagnostics.Findings.Where(finding => finding.Rule == rule).ToList();

    /// <summary>Selects NETSEC001 findings, for tests of reading and includes that use it as their sample finding.</summary>
    public static bool IsLegacyTlsProtocol(Finding finding) => finding.Rule == RuleCatalog.LegacyTlsProtocol;

    /// <summary>
    /// Lints a fixture and asserts that reading it raised no notification and that the rule reports exactly
    /// the regions marked with <c>[|...|]</c>. Returns the rule's findings in file order.
    /// </summary>
    public static IReadOnlyList<Finding> AssertReports(RuleDefinition rule, string markup, LintOptions? options = null)
    {
        var (text, spans) = ParseMarkup(markup);
        var diagnostics = Lint(text, options);

        Assert.Empty(diagnostics.Notifications);
        var findings = FindingsOf(diagnostics, rule)
            .OrderBy(finding => finding.Location.StartLine)
            .ThenBy(finding => finding.Location.StartColumn)
            .ToList();
        Assert.Equal(spans, findings.Select(finding => finding.Location));
        return findings;
    }

    /// <summary>Lints a fixture and asserts that reading it raised no notification and that the rule reports nothing.</summary>
    public static void AssertNoDiagnostic(RuleDefinition rule, string text, LintOptions? options = null)
    {
        var diagnostics = Lint(text, options);

        Assert.Empty(diagnostics.Notifications);
        Assert.Empty(FindingsOf(diagnostics, rule).Select(finding => finding.ToString()));
    }

    /// <summary>Removes <c>[|</c> and <c>|]</c> from a fixture and returns the regions they marked.</summary>
    public static (string Text, IReadOnlyList<SourceLocation> Spans) ParseMarkup(string markup, string path = FilePath)
    {
        var text = new StringBuilder();
        var spans = new List<SourceLocation>();
        var line = 1;
        var column = 1;
        var (startLine, startColumn) = (0, 0);
        for (var i = 0; i < markup.Length; i++)
        {
            if (string.CompareOrdinal(markup, i, "[|", 0, 2) == 0)
            {
                (startLine, startColumn) = (line, column);
                i++;
                continue;
            }

            if (string.CompareOrdinal(markup, i, "|]", 0, 2) == 0)
            {
                spans.Add(new SourceLocation(path, startLine, startColumn, line, column));
                i++;
                continue;
            }

            text.Append(markup[i]);
            if (markup[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (text.ToString(), spans);
    }
}
