using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

/// <summary>
/// Lints the nginx examples of the NETSEC001 page: every line whose comment says <c># NETSEC001</c> gets
/// exactly one finding, no other line gets one, and the compliant examples get none.
/// </summary>
[Trait("Rule", "NETSEC001")]
public sealed class RuleDocExampleTests
{
    private const string Marker = "# NETSEC001";

    [Fact]
    public void NonCompliantExamples_Reports()
    {
        var examples = NginxExamples("## Non-compliant examples", "## Compliant examples");

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var expectedLines = example.Split('\n')
                .Select((line, index) => (line, index))
                .Where(entry => entry.line.Contains(Marker, StringComparison.Ordinal))
                .Select(entry => entry.index + 1);
            var diagnostics = NginxFixture.Lint(example);

            Assert.Empty(diagnostics.Notifications);
            Assert.Equal(expectedLines, diagnostics.Findings.Select(finding => finding.Location.StartLine).OrderBy(line => line));
        }
    }

    [Fact]
    public void CompliantExamples_NoDiagnostic()
    {
        var examples = NginxExamples("## Compliant examples", "## Configuration");

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var diagnostics = NginxFixture.Lint(example);

            Assert.Empty(diagnostics.Notifications);
            Assert.Empty(diagnostics.Findings.Select(finding => finding.ToString()));
        }
    }

    private static IReadOnlyList<string> NginxExamples(string fromHeading, string toHeading)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "rules", "NETSEC001.md")).Replace("\r\n", "\n");
        var start = page.IndexOf(fromHeading, StringComparison.Ordinal);
        var end = page.IndexOf(toHeading, start, StringComparison.Ordinal);
        var section = page.Substring(start, end - start);

        var examples = new List<string>();
        var parts = section.Split("```");
        for (var i = 1; i < parts.Length; i += 2)
        {
            if (parts[i].StartsWith("nginx\n", StringComparison.Ordinal))
            {
                examples.Add(parts[i].Substring("nginx\n".Length));
            }
        }

        return examples;
    }
}
