using System.IO;
using System.Linq;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Tests.Samples;

/// <summary>The bundled samples are the README's first command; their findings are part of the contract.</summary>
public sealed class SampleLintTests
{
    private static readonly string SamplesFolder = Path.Combine(RepositoryRoot.Find(), "samples");

    [Fact]
    public void InsecureSample_ReportsLegacyProtocolsInNginx()
    {
        var result = Lint("insecure");

        var locations = result.Findings
            .Where(finding => finding.Rule.Id == RuleIds.LegacyTlsProtocol)
            .Select(finding => Relative(finding.Location.FilePath) + ":" + finding.Location.StartLine)
            .ToList();
        Assert.Contains("insecure/deploy/nginx/nginx.conf:17", locations);
        Assert.Contains("insecure/deploy/nginx/conf.d/hospital-api.conf:36", locations);
        Assert.Empty(result.Notifications);
    }

    [Fact]
    [Trait("Rule", "NETSEC036")]
    public void InsecureSample_ReportsServerTokensOn()
    {
        var result = Lint("insecure");

        var finding = Assert.Single(result.Findings, finding => finding.Rule.Id == RuleIds.ServerVersionDisclosed);
        Assert.Equal("insecure/deploy/nginx/nginx.conf:14", Relative(finding.Location.FilePath) + ":" + finding.Location.StartLine);
    }

    [Theory]
    [Trait("Rule", "NETSEC020")]
    [Trait("Rule", "NETSEC030")]
    [Trait("Rule", "NETSEC031")]
    [Trait("Rule", "NETSEC032")]
    [Trait("Rule", "NETSEC034")]
    [Trait("Rule", "NETSEC070")]
    [Trait("Rule", "NETSEC011")]
    [Trait("Rule", "NETSEC050")]
    [Trait("Rule", "NETSEC051")]
    [Trait("Rule", "NETSEC052")]
    [InlineData(RuleIds.CipherSuitesWithoutForwardSecrecy, "insecure/deploy/nginx/nginx.conf:18")]
    [InlineData(RuleIds.CertificateValidationDisabled, "insecure/deploy/nginx/conf.d/hospital-api.conf:35")]
    [InlineData(RuleIds.HttpsNotEnforced, "insecure/deploy/nginx/conf.d/hospital-api.conf:7")]
    [InlineData(RuleIds.ClearTextHttpToRemoteHost, "insecure/deploy/nginx/conf.d/hospital-api.conf:30")]
    [InlineData(RuleIds.HstsNotEnabled, "insecure/deploy/nginx/conf.d/hospital-api.conf:11")]
    [InlineData(RuleIds.SecurityHeadersMissing, "insecure/deploy/nginx/conf.d/hospital-api.conf:11")]
    [InlineData(RuleIds.AuthenticationEndpointWithoutRateLimiting, "insecure/deploy/nginx/conf.d/hospital-api.conf:24")]
    [InlineData(RuleIds.FirewallAllowsIncomingByDefault, "insecure/deploy/ufw/setup-firewall.sh:6")]
    [InlineData(RuleIds.SensitivePortReachableFromAnyAddress, "insecure/deploy/ufw/setup-firewall.sh:13")]
    [InlineData(RuleIds.SshWithoutRateLimiting, "insecure/deploy/ufw/setup-firewall.sh:9")]
    public void InsecureSample_ReportsEachRuleOnce(string ruleId, string expectedLocation)
    {
        var result = Lint("insecure");

        // Several rules are reported in more than one kind of file; each row pins the rule's finding in one file.
        var expectedFile = expectedLocation.Substring(0, expectedLocation.LastIndexOf(':'));
        var finding = Assert.Single(result.Findings, finding => finding.Rule.Id == ruleId && Relative(finding.Location.FilePath) == expectedFile);
        Assert.Equal(expectedLocation, Relative(finding.Location.FilePath) + ":" + finding.Location.StartLine);
    }

    [Theory]
    [Trait("Rule", "NETSEC020")]
    [Trait("Rule", "NETSEC051")]
    [Trait("Rule", "NETSEC053")]
    [Trait("Rule", "NETSEC060")]
    [Trait("Rule", "NETSEC061")]
    [InlineData(RuleIds.CertificateValidationDisabled, "insecure/deploy/compose.yaml:10")]
    [InlineData(RuleIds.SensitivePortReachableFromAnyAddress, "insecure/deploy/compose.yaml:17")]
    [InlineData(RuleIds.PortPublishedOnAllInterfaces, "insecure/deploy/compose.yaml:6")]
    [InlineData(RuleIds.DataTierNotIsolated, "insecure/deploy/compose.yaml:14")]
    [InlineData(RuleIds.ContainerBypassesNetworkIsolation, "insecure/deploy/compose.yaml:27")]
    public void InsecureSample_ReportsEachComposeRuleOnce(string ruleId, string expectedLocation)
    {
        var result = Lint("insecure");

        var finding = Assert.Single(result.Findings, finding => finding.Rule.Id == ruleId && Relative(finding.Location.FilePath).EndsWith("compose.yaml", System.StringComparison.Ordinal));
        Assert.Equal(expectedLocation, Relative(finding.Location.FilePath) + ":" + finding.Location.StartLine);
    }

    [Fact]
    public void HardenedSample_HasNoFindingsOrReadErrors()
    {
        var result = Lint("hardened");

        Assert.Empty(result.Findings);
        Assert.Empty(result.Notifications);
        Assert.Contains(result.FilesAnalyzed, file => file.EndsWith("nginx.conf", System.StringComparison.Ordinal));
        Assert.Contains(result.FilesAnalyzed, file => file.EndsWith("setup-firewall.sh", System.StringComparison.Ordinal));
        Assert.Contains(result.FilesAnalyzed, file => file.EndsWith("compose.yaml", System.StringComparison.Ordinal));
    }

    private static LintResult Lint(string sample) =>
        new LintEngine().Lint(new[] { Path.Combine(SamplesFolder, sample) }, new LintOptions(), SamplesFolder);

    private static string Relative(string path) => Path.GetRelativePath(SamplesFolder, path).Replace('\\', '/');
}
