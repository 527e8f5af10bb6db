using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Tests.Firewall;

[Trait("Rule", "NETSEC052")]
public sealed class SshWithoutRateLimitingRuleTests
{
    private static readonly RuleDefinition Rule = RuleCatalog.SshWithoutRateLimiting;

    [Fact]
    public void UfwAllowPort22_Reports()
    {
        var findings = FirewallFixture.AssertReports(Rule, "ufw allow [|22/tcp|]\n");

        Assert.StartsWith("ufw allow 22/tcp accepts SSH connections without rate limiting", findings[0].Message);
    }

    [Fact]
    public void UfwAllowOpenSshProfile_Reports()
    {
        FirewallFixture.AssertReports(Rule, "ufw allow [|OpenSSH|]\nufw limit 22/tcp\n");
    }

    [Fact]
    public void UfwAllowSshServiceName_Reports()
    {
        FirewallFixture.AssertReports(Rule, "ufw allow [|ssh|]\n");
    }

    [Fact]
    public void IptablesAcceptWithoutGuard_Reports()
    {
        FirewallFixture.AssertReports(Rule, "iptables -P INPUT DROP\niptables -A INPUT -p tcp --dport [|22|] -j ACCEPT\n");
    }

    [Fact]
    public void UfwUserRulesAllow_Reports()
    {
        FirewallFixture.AssertReports(Rule, "### tuple ### allow tcp [|22|] ::/0 any ::/0 in\n", "etc/ufw/user6.rules");
    }

    [Fact]
    public void UfwLimit_NoDiagnostic()
    {
        FirewallFixture.AssertNoDiagnostic(Rule, "ufw limit OpenSSH comment 'SSH, rate limited'\n");
    }

    [Fact]
    public void UfwAllowUpdatedToLimit_NoDiagnostic()
    {
        FirewallFixture.AssertNoDiagnostic(Rule, "sudo ufw allow 22/tcp\nsudo ufw limit 22/tcp  # Rate limit SSH\n");
    }

    [Fact]
    public void UfwAllowFromTrustedNetwork_NoDiagnostic()
    {
        FirewallFixture.AssertNoDiagnostic(Rule, "ufw allow from 203.0.113.0/24 to any port 22 proto tcp\n");
    }

    [Fact]
    public void IptablesRecentGuard_NoDiagnostic()
    {
        FirewallFixture.AssertNoDiagnostic(Rule, """
            #!/bin/bash
            iptables -A INPUT -p tcp --dport 22 -m conntrack --ctstate NEW -m recent --set
            iptables -A INPUT -p tcp --dport 22 -m conntrack --ctstate NEW -m recent --update --seconds 60 --hitcount 4 -j DROP
            iptables -A INPUT -p tcp --dport 22 -j ACCEPT
            """);
    }

    [Fact]
    public void IptablesLimitOnRule_NoDiagnostic()
    {
        FirewallFixture.AssertNoDiagnostic(Rule, "iptables -A INPUT -p tcp --dport 22 -m limit --limit 3/min --limit-burst 5 -j ACCEPT\n");
    }

    [Fact]
    public void OtherPort_NoDiagnostic()
    {
        FirewallFixture.AssertNoDiagnostic(Rule, "ufw allow 2222/tcp\niptables -A INPUT -p udp --dport 22 -j ACCEPT\n");
    }
}
