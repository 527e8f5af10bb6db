using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Catalog;

public sealed class RuleCatalogTests
{
    private static readonly string[] RequiredSections =
    {
        "## What it flags and why",
        "## Non-compliant examples",
        "## Compliant examples",
        "## Configuration",
        "## Known limitations",
        "## How to suppress",
    };

    private static string RulesFolder => Path.Combine(RepositoryRoot.Find(), "docs", "rules");

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Fact]
    public void Catalogue_IdsAreUniqueAndOrdered()
    {
        var ids = RuleCatalog.All.Select(rule => rule.Id).ToList();

        Assert.Equal(ids.Distinct(StringComparer.Ordinal).Count(), ids.Count);
        Assert.Equal(ids.OrderBy(id => id, StringComparer.Ordinal), ids);
    }

    [Fact]
    public void Catalogue_MatchesIdConstants()
    {
        var constants = typeof(RuleIds).GetFields()
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .OrderBy(id => id, StringComparer.Ordinal);

        Assert.Equal(constants, RuleCatalog.All.Select(rule => rule.Id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_MetadataFollowsHouseStyle(string id)
    {
        var rule = RuleCatalog.Get(id);

        Assert.Matches("^NETSEC[0-9]{3}$", rule.Id);
        Assert.False(string.IsNullOrWhiteSpace(rule.Title));
        Assert.False(rule.Title.EndsWith(".", StringComparison.Ordinal), "A title has no trailing period.");
        Assert.Contains("{0}", rule.MessageFormat, StringComparison.Ordinal);
        Assert.NotEqual(rule.Title, rule.MessageFormat);
        Assert.EndsWith(".", rule.Description, StringComparison.Ordinal);
        Assert.InRange(rule.SecuritySeverity, 0.1, 10.0);
        Assert.InRange(rule.Cwe, 1, 2000);
        Assert.Contains(rule.Precision, new[] { "very-high", "high", "medium", "low" });
        Assert.Contains("security", rule.Tags);
        Assert.Contains("external/cwe/cwe-" + rule.Cwe.ToString(CultureInfo.InvariantCulture), rule.Tags);
        Assert.Equal(rule.ImplementedTargets, rule.ImplementedTargets & rule.Targets);
        Assert.EndsWith("/docs/rules/" + rule.Id + ".md", rule.HelpUri, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_HasDocPageWithHouseSections(string id)
    {
        var rule = RuleCatalog.Get(id);
        var path = Path.Combine(RulesFolder, id + ".md");

        Assert.True(File.Exists(path), "Missing doc page " + path + ".");
        var lines = File.ReadAllLines(path);
        Assert.Equal("# " + rule.Id + ": " + rule.Title, lines[0]);

        var headings = lines.Where(line => line.StartsWith("## ", StringComparison.Ordinal)).ToList();
        Assert.Equal(RequiredSections, headings);
        Assert.Contains(lines, line => line.StartsWith("| Severity | " + rule.DefaultSeverity + " |", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains(rule.CweId, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_DocPageStatesStatus(string id)
    {
        var rule = RuleCatalog.Get(id);
        var statusLine = File.ReadAllLines(Path.Combine(RulesFolder, id + ".md"))
            .Single(line => line.StartsWith("| Status |", StringComparison.Ordinal));

        if (rule.Status == RuleStatus.Planned)
        {
            Assert.Contains("ships disabled", statusLine, StringComparison.Ordinal);
        }
        else
        {
            Assert.StartsWith("| Status | Implemented", statusLine, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DocPages_EachBelongsToARule()
    {
        var pages = Directory.GetFiles(RulesFolder, "NETSEC*.md").Select(Path.GetFileNameWithoutExtension);
        var orphans = pages.Where(page => !RuleCatalog.TryGet(page!, out _)).ToList();

        Assert.True(orphans.Count == 0, "Doc pages without a rule: " + string.Join(", ", orphans));
    }

    [Fact]
    public void RulesIndex_ListsEveryRule()
    {
        var index = File.ReadAllText(Path.Combine(RulesFolder, "README.md"));
        var missing = new List<string>();
        foreach (var rule in RuleCatalog.All)
        {
            if (!index.Contains("(" + rule.Id + ".md)", StringComparison.Ordinal))
            {
                missing.Add(rule.Id);
            }
        }

        Assert.True(missing.Count == 0, "docs/rules/README.md does not link: " + string.Join(", ", missing));
    }

    [Fact]
    public void ReadmeRuleTable_IsTheGeneratedTable()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "README.md")).Replace("\r\n", "\n");
        var generated = NetSecAnalyzers.Cli.Commands.RulesCommand.MarkdownTable();

        var start = readme.IndexOf(generated, StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md's rule table differs from the catalogue; replace it with the output of 'netsec rules --format markdown':\n" + generated);
        Assert.False(readme.Substring(start + generated.Length).StartsWith("|", StringComparison.Ordinal), "README.md's rule table has rows the catalogue does not.");
    }

    [Fact]
    public void GeneratedRuleTable_HasOneRowPerRule()
    {
        var rows = NetSecAnalyzers.Cli.Commands.RulesCommand.MarkdownTable().Split('\n').Where(line => line.StartsWith("| [", StringComparison.Ordinal)).ToList();

        Assert.Equal(RuleCatalog.All.Select(rule => rule.Id), rows.Select(row => row.Substring(3, row.IndexOf(']', StringComparison.Ordinal) - 3)));
    }

    [Fact]
    public void GeneratedRuleTable_MarksImplementedAndEmptyCells()
    {
        var row = NetSecAnalyzers.Cli.Commands.RulesCommand.MarkdownTable().Split('\n').Single(line => line.StartsWith("| [NETSEC051]", StringComparison.Ordinal));

        Assert.EndsWith("| Error | | | yes | yes |", row, StringComparison.Ordinal);
    }
}
