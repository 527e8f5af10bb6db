using System.Linq;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Tests.Firewall;

[Trait("Rule", "NETSEC051")]
public sealed class SensitivePortReachableRuleTests
{
    private static readonly RuleDefinition Rule = RuleCatalog.SensitivePortReachableFromAnyAddress;

    [Fact]
    public void UfwSimpleAllow_Reports()
    {
        var findings = FirewallFixture.AssertReports(Rule, "ufw allow [|5432/tcp|]\n");

        Assert.Equal("ufw allow 5432/tcp makes port 5432 (PostgreSQL) reachable from any address; allow it only from trusted sources or bind it to a private interface", findings[0].Message);
    }

    [Fact]
    public void UfwExtendedAllowFromAny_Reports()
    {
        FirewallFixture.AssertReports(Rule, "ufw allow from any to any port [|27017|]\nufw allow proto tcp to 192.0.2.10 port [|6379|]\n");
    }

    [Fact]
    public void UfwRangeCoveringSensitivePort_Reports()
    {
        var findings = FirewallFixture.AssertReports(Rule, "ufw allow [|9000:9300/tcp|]\n");

        Assert.Contains("9200 (Elasticsearch and OpenSearch), 9300 (Elasticsearch transport)", findings[0].Message);
    }

    [Fact]
    public void UfwServiceName_Reports()
    {
        FirewallFixture.AssertReports(Rule, "ufw limit [|mysql|]\n");
    }

    [Fact]
    public void UserRulesTuple_Reports()
    {
        FirewallFixture.AssertReports(Rule, """
            *filter
            ### RULES ###

            ### tuple ### allow tcp [|5432|] 0.0.0.0/0 any 0.0.0.0/0 in comment=6462
            -A ufw-user-input -p tcp --dport 5432 -j ACCEPT
            ### END RULES ###
            COMMIT
            """, "etc/ufw/user.rules");
    }

    [Fact]
    public void IptablesAcceptFromAnywhere_Reports()
    {
        FirewallFixture.AssertReports(Rule, "iptables -A INPUT -p tcp -m multiport --dports [|80,443,3306|] -j ACCEPT\n");
    }

    [Fact]
    public void CustomSensitivePorts_Reports()
    {
        var options = new LintOptions { SensitivePorts = new[] { 8080 } };

        FirewallFixture.AssertReports(Rule, "ufw allow [|8080/tcp|]\nufw allow 5432/tcp\n", options: options);
    }

    [Fact]
    public void UfwSourceRestricted_NoDiagnostic()
    {
        FirewallFixture.AssertNoDiagnostic(Rule, "ufw allow from 10.0.0.0/8 to any port 5432 proto tcp\n");
    }

    [Fact]
    public void UfwInterfaceRestricted_NoDiagnostic()
    {
        FirewallFixture.AssertNoDiagnostic(Rule, "ufw allow in on wg0 to any port 5432 proto tcp\n");
    }

    [Fact]
    public void UfwDenyOrOutgoing_NoDiagnostic()
    {
        FirewallFixture.AssertNoDiagnostic(Rule, "ufw deny 5432/tcp\nufw allow out 3306/tcp\nufw route allow in on eth1 out on eth0 to any port 6379 proto tcp\n");
    }

    [Fact]
    public void UfwDeniedEarlier_NoDiagnostic()
    {
        FirewallFixture.AssertNoDiagnostic(Rule, "ufw deny 5432/tcp\nufw allow 5400:5500/tcp\n");
    }

    [Fact]
    public void UfwAllowDeletedLater_NoDiagnostic()
    {
        FirewallFixture.AssertNoDiagnostic(Rule, "ufw allow 5432/tcp\nufw delete allow 5432/tcp\n");
    }

    [Fact]
    public void IptablesSourceRestricted_NoDiagnostic()
    {
        FirewallFixture.AssertNoDiagnostic(Rule, "iptables -A INPUT -p tcp -s 10.0.50.0/24 --dport 5432 -j ACCEPT\niptables -A INPUT -p tcp --dport 5432 -m conntrack --ctstate ESTABLISHED -j ACCEPT\n");
    }

    [Fact]
    public void IptablesForwardChain_NoDiagnostic()
    {
        FirewallFixture.AssertNoDiagnostic(Rule, "iptables -A FORWARD -p tcp --dport 5432 -j ACCEPT\n");
    }

    [Fact]
    public void SuppressionInUserRules_SuppressesFinding()
    {
        var result = new LintEngineHarness().LintScript("""
            *filter
            ### RULES ###

            # netsec-disable-next-line NETSEC051: the replica set sits behind the provider's network filter
            ### tuple ### allow tcp 27017 0.0.0.0/0 any 0.0.0.0/0 in
            -A ufw-user-input -p tcp --dport 27017 -j ACCEPT

            ### tuple ### allow tcp 5432 0.0.0.0/0 any 0.0.0.0/0 in
            -A ufw-user-input -p tcp --dport 5432 -j ACCEPT
            ### END RULES ###
            COMMIT
            """, "user.rules");

        Assert.Empty(result.Notifications);
        Assert.Equal(2, result.Findings.Count);
        Assert.True(result.Findings.Single(finding => finding.Location.StartLine == 5).IsSuppressed);
        Assert.False(result.Findings.Single(finding => finding.Location.StartLine == 8).IsSuppressed);
    }
}
