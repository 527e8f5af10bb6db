using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Compose;

/// <summary>A compose finding names only the firewall of its own host: the nearest firewall files, within its folder's parent.</summary>
public sealed class HostFirewallScopeTests
{
    private const string PublishedDatabase = "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"5432:5432\"\n";

    [Fact]
    [Trait("Rule", "NETSEC051")]
    public void FirewallOfSameDeployment_IsNamed()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site/deploy/compose.yaml", PublishedDatabase);
        folder.Write("site/deploy/ufw/setup.sh", "#!/bin/sh\nufw default deny incoming\nufw --force enable\n");

        var finding = SensitivePortFinding(folder);

        Assert.Contains("ufw default deny incoming does not block it", finding.Message);
        Assert.EndsWith("setup.sh", Assert.Single(finding.RelatedLocations).Location.FilePath);
    }

    [Fact]
    [Trait("Rule", "NETSEC051")]
    public void FirewallOfOtherDeployment_IsNotNamed()
    {
        using var folder = new TemporaryFolder();
        folder.Write("insecure/deploy/compose.yaml", PublishedDatabase);
        folder.Write("hardened/deploy/ufw/setup.sh", "#!/bin/sh\nufw default deny incoming\nufw --force enable\n");

        var finding = SensitivePortFinding(folder);

        Assert.DoesNotContain("does not block it", finding.Message);
        Assert.Empty(finding.RelatedLocations);
    }

    [Fact]
    [Trait("Rule", "NETSEC051")]
    public void NearerFirewallThatRestrictsNothing_HidesFartherOne()
    {
        using var folder = new TemporaryFolder();
        folder.Write("deploy/compose.yaml", PublishedDatabase);
        folder.Write("deploy/firewall.sh", "#!/bin/sh\nufw default allow incoming\nufw --force enable\n");
        folder.Write("deploy/old/firewall.sh", "#!/bin/sh\nufw default deny incoming\nufw --force enable\n");

        var finding = SensitivePortFinding(folder);

        Assert.DoesNotContain("does not block it", finding.Message);
        Assert.Empty(finding.RelatedLocations);
    }

    private static Diagnostics.Finding SensitivePortFinding(TemporaryFolder folder)
    {
        var result = new LintEngine().Lint(new[] { folder.Path }, new LintOptions(), folder.Path);
        return Assert.Single(result.Findings, finding => finding.Rule.Id == RuleIds.SensitivePortReachableFromAnyAddress && finding.Location.FilePath.EndsWith("compose.yaml", System.StringComparison.Ordinal));
    }
}
