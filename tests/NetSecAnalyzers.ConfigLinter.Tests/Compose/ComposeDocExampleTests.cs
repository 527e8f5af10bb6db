using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Tests.Compose;

/// <summary>
/// Lints the compose examples of one rule's page: every line whose comment names the rule ID gets exactly
/// one finding of that rule, no other line gets one, and the compliant examples get none.
/// </summary>
public abstract class ComposeDocExampleTests
{
    private readonly RuleDefinition rule;

    protected ComposeDocExampleTests(RuleDefinition rule) => this.rule = rule;

    [Fact]
    public void NonCompliantComposeExamples_Reports()
    {
        var marker = "# " + rule.Id;
        var examples = YamlExamples("## Non-compliant examples", "## Compliant examples");

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var expectedLines = example.Split('\n')
                .Select((line, index) => (line, index))
                .Where(entry => entry.line.Contains(marker, StringComparison.Ordinal))
                .Select(entry => entry.index + 1);
            var diagnostics = ComposeFixture.Lint(example);

            Assert.Empty(diagnostics.Notifications.Select(notification => notification.Message));
            Assert.Equal(expectedLines, ComposeFixture.FindingsOf(diagnostics, rule).Select(finding => finding.Location.StartLine));
        }
    }

    [Fact]
    public void CompliantComposeExamples_NoDiagnostic()
    {
        var examples = YamlExamples("## Compliant examples", "## Configuration");

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var diagnostics = ComposeFixture.Lint(example);

            Assert.Empty(diagnostics.Notifications.Select(notification => notification.Message));
            Assert.Empty(ComposeFixture.FindingsOf(diagnostics, rule).Select(finding => finding.Message));
        }
    }

    private IReadOnlyList<string> YamlExamples(string fromHeading, string toHeading)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "rules", rule.Id + ".md")).Replace("\r\n", "\n");
        var start = page.IndexOf(fromHeading, StringComparison.Ordinal);
        var end = page.IndexOf(toHeading, start, StringComparison.Ordinal);
        var parts = page.Substring(start, end - start).Split("```");

        var examples = new List<string>();
        for (var i = 1; i < parts.Length; i += 2)
        {
            if (parts[i].StartsWith("yaml\n", StringComparison.Ordinal))
            {
                examples.Add(parts[i].Substring("yaml\n".Length));
            }
        }

        return examples;
    }
}

[Trait("Rule", "NETSEC020")]
public sealed class CertificateValidationDisabledComposeDocExampleTests : ComposeDocExampleTests
{
    public CertificateValidationDisabledComposeDocExampleTests()
        : base(RuleCatalog.CertificateValidationDisabled)
    {
    }
}

[Trait("Rule", "NETSEC051")]
public sealed class SensitivePortComposeDocExampleTests : ComposeDocExampleTests
{
    public SensitivePortComposeDocExampleTests()
        : base(RuleCatalog.SensitivePortReachableFromAnyAddress)
    {
    }
}

[Trait("Rule", "NETSEC053")]
public sealed class PortPublishedComposeDocExampleTests : ComposeDocExampleTests
{
    public PortPublishedComposeDocExampleTests()
        : base(RuleCatalog.PortPublishedOnAllInterfaces)
    {
    }
}

[Trait("Rule", "NETSEC060")]
public sealed class DataTierComposeDocExampleTests : ComposeDocExampleTests
{
    public DataTierComposeDocExampleTests()
        : base(RuleCatalog.DataTierNotIsolated)
    {
    }
}

[Trait("Rule", "NETSEC061")]
public sealed class ContainerIsolationComposeDocExampleTests : ComposeDocExampleTests
{
    public ContainerIsolationComposeDocExampleTests()
        : base(RuleCatalog.ContainerBypassesNetworkIsolation)
    {
    }
}
