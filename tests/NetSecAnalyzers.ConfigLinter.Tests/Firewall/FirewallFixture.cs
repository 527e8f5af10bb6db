using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Firewall;
using NetSecAnalyzers.ConfigLinter.Tests.Nginx;

namespace NetSecAnalyzers.ConfigLinter.Tests.Firewall;

/// <summary>Reads inline ufw and iptables fixtures, with <c>[|...|]</c> markup for the regions a test expects.</summary>
internal static class FirewallFixture
{
    public const string ScriptPath = "fixture/setup-firewall.sh";

    public static DiagnosticBag Lint(string text, string path = ScriptPath, LintOptions? options = null)
    {
        var diagnostics = new DiagnosticBag();
        var kind = FirewallRecognizer.KindOf(path, text);
        var document = FirewallLinter.Read(path, text, kind == FirewallFileKind.None ? FirewallFileKind.Script : kind, diagnostics);
        FirewallLinter.Lint(document, options ?? new LintOptions(), diagnostics);
        return diagnostics;
    }

    /// <summary>
    /// Lints a fixture and asserts that reading it raised no notification and that the rule reports exactly
    /// the regions marked with <c>[|...|]</c>. Returns the rule's findings in file order.
    /// </summary>
    public static IReadOnlyList<Finding> AssertReports(RuleDefinition rule, string markup, string path = ScriptPath, LintOptions? options = null)
    {
        var (text, spans) = NginxFixture.ParseMarkup(markup, path);
        var diagnostics = Lint(text, path, options);

        Assert.Empty(diagnostics.Notifications.Select(notification => notification.ToString()));
        var findings = diagnostics.Findings
            .Where(finding => finding.Rule == rule)
            .OrderBy(finding => finding.Location.StartLine)
            .ThenBy(finding => finding.Location.StartColumn)
            .ToList();
        Assert.Equal(spans, findings.Select(finding => finding.Location));
        return findings;
    }

    /// <summary>Lints a fixture and asserts that reading it raised no notification and that the rule reports nothing.</summary>
    public static void AssertNoDiagnostic(RuleDefinition rule, string text, string path = ScriptPath, LintOptions? options = null)
    {
        var diagnostics = Lint(text, path, options);

        Assert.Empty(diagnostics.Notifications.Select(notification => notification.ToString()));
        Assert.Empty(diagnostics.Findings.Where(finding => finding.Rule == rule).Select(finding => finding.ToString()));
    }
}
