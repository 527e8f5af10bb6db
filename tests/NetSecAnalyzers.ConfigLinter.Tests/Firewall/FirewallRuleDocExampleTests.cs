using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Tests.Firewall;

/// <summary>
/// Lints the shell examples (<c>```sh</c> blocks) of one firewall rule's page as provisioning scripts: every
/// line whose comment names the rule ID gets exactly one finding of that rule, no other line gets one, and
/// the compliant examples get none.
/// </summary>
public abstract class FirewallRuleDocExampleTests
{
    private readonly RuleDefinition rule;

    protected FirewallRuleDocExampleTests(RuleDefinition rule) => this.rule = rule;

    [Fact]
    public void NonCompliantExamples_Reports()
    {
        var marker = "# " + rule.Id;
        var examples = ShellExamples("## Non-compliant examples", "## Compliant examples");

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var expectedLines = example.Split('\n')
                .Select((line, index) => (line, index))
                .Where(entry => entry.line.Contains(marker, StringComparison.Ordinal))
                .Select(entry => entry.index + 1);
            var diagnostics = FirewallFixture.Lint(example);

            Assert.Empty(diagnostics.Notifications);
            Assert.Equal(expectedLines, diagnostics.Findings.Where(finding => finding.Rule == rule).Select(finding => finding.Location.StartLine).OrderBy(line => line));
        }
    }

    [Fact]
    public void CompliantExamples_NoDiagnostic()
    {
        var examples = ShellExamples("## Compliant examples", "## Configuration");

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var diagnostics = FirewallFixture.Lint(example);

            Assert.Empty(diagnostics.Notifications);
            Assert.Empty(diagnostics.Findings.Where(finding => finding.Rule == rule).Select(finding => finding.ToString()));
        }
    }

    private IReadOnlyList<string> ShellExamples(string fromHeading, string toHeading)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "rules", rule.Id + ".md")).Replace("\r\n", "\n");
        var start = page.IndexOf(fromHeading, StringComparison.Ordinal);
        var end = page.IndexOf(toHeading, start, StringComparison.Ordinal);
        var parts = page.Substring(start, end - start).Split("```");
        var examples = new List<string>();
        for (var i = 1; i < parts.Length; i += 2)
        {
            if (parts[i].StartsWith("sh\n", StringComparison.Ordinal))
            {
                examples.Add(parts[i].Substring("sh\n".Length));
            }
        }

        return examples;
    }
}

[Trait("Rule", "NETSEC050")]
public sealed class FirewallAllowsIncomingByDefaultDocExampleTests : FirewallRuleDocExampleTests
{
    public FirewallAllowsIncomingByDefaultDocExampleTests()
        : base(RuleCatalog.FirewallAllowsIncomingByDefault)
    {
    }
}

[Trait("Rule", "NETSEC051")]
public sealed class SensitivePortReachableDocExampleTests : FirewallRuleDocExampleTests
{
    public SensitivePortReachableDocExampleTests()
        : base(RuleCatalog.SensitivePortReachableFromAnyAddress)
    {
    }
}

[Trait("Rule", "NETSEC052")]
public sealed class SshWithoutRateLimitingDocExampleTests : FirewallRuleDocExampleTests
{
    public SshWithoutRateLimitingDocExampleTests()
        : base(RuleCatalog.SshWithoutRateLimiting)
    {
    }
}
