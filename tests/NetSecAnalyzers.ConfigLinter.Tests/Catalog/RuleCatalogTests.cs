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
    public void ReadmeRuleTable_MatchesCatalogue()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot.Find(), "README.md"));
        foreach (var rule in RuleCatalog.All)
        {
            var row = readme.SingleOrDefault(line => line.StartsWith("| [" + rule.Id + "]", StringComparison.Ordinal));

            Assert.True(row is not null, "README.md has no rule-table row for " + rule.Id + ".");
            var cells = row!.Split('|').Select(cell => cell.Trim()).ToArray();
            Assert.Equal(rule.Title, cells[2]);
            Assert.Equal(rule.DefaultSeverity.ToString(), cells[3]);
            AssertTargetCell(rule, RuleTargets.CSharp, cells[4]);
            AssertTargetCell(rule, RuleTargets.Nginx, cells[5]);
            AssertTargetCell(rule, RuleTargets.Firewall, cells[6]);
            AssertTargetCell(rule, RuleTargets.Compose, cells[7]);
        }
    }

    private static void AssertTargetCell(RuleDefinition rule, RuleTargets target, string cell)
    {
        var expected = rule.IsImplementedFor(target) ? "yes" : (rule.Targets & target) != 0 ? "planned" : string.Empty;
        Assert.True(expected == cell, rule.Id + " " + target + ": README says '" + cell + "', the catalogue says '" + expected + "'.");
    }
}
