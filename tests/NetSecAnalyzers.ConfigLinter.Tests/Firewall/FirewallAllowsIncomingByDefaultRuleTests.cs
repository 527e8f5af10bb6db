using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Tests.Firewall;

[Trait("Rule", "NETSEC050")]
public sealed class FirewallAllowsIncomingByDefaultRuleTests
{
    private static readonly RuleDefinition Rule = RuleCatalog.FirewallAllowsIncomingByDefault;

    [Fact]
    public void UfwDefaultAllowIncoming_Reports()
    {
        var findings = FirewallFixture.AssertReports(Rule, """
            #!/bin/sh
            ufw default [|allow|] incoming
            ufw allow 443/tcp
            ufw --force enable
            """);

        Assert.StartsWith("ufw default allow incoming accepts incoming traffic by default", findings[0].Message);
    }

    [Fact]
    public void UfwDefaultWithoutDirection_Reports()
    {
        FirewallFixture.AssertReports(Rule, "sudo ufw default [|allow|]\n");
    }

    [Fact]
    public void UfwDisableLast_Reports()
    {
        FirewallFixture.AssertReports(Rule, "ufw default deny incoming\nufw enable\nufw [|disable|]\n");
    }

    [Fact]
    public void DefaultsFileAcceptPolicy_Reports()
    {
        var findings = FirewallFixture.AssertReports(Rule, """
            IPV6=yes
            DEFAULT_INPUT_POLICY=[|"ACCEPT"|]
            DEFAULT_OUTPUT_POLICY="ACCEPT"
            """, "etc/default/ufw");

        Assert.StartsWith("DEFAULT_INPUT_POLICY=\"ACCEPT\" accepts", findings[0].Message);
    }

    [Fact]
    public void UfwConfDisabled_Reports()
    {
        FirewallFixture.AssertReports(Rule, "# /etc/ufw/ufw.conf\nENABLED=[|no|]\nLOGLEVEL=low\n", "etc/ufw/ufw.conf");
    }

    [Fact]
    public void IptablesSaveAcceptPolicyWithoutFinalDrop_Reports()
    {
        var findings = FirewallFixture.AssertReports(Rule, """
            *filter
            :INPUT [|ACCEPT|] [0:0]
            :FORWARD DROP [0:0]
            :OUTPUT ACCEPT [0:0]
            -A INPUT -i lo -j ACCEPT
            -A INPUT -p tcp --dport 443 -j ACCEPT
            COMMIT
            """, "etc/iptables/rules.v4");

        Assert.Contains("with no final DROP or REJECT rule in INPUT", findings[0].Message);
    }

    [Fact]
    public void IptablesScriptAcceptPolicy_Reports()
    {
        FirewallFixture.AssertReports(Rule, "#!/bin/bash\niptables -P INPUT [|ACCEPT|]\niptables -A INPUT -p tcp --dport 443 -j ACCEPT\n");
    }

    [Fact]
    public void UnconditionalAcceptBeforeDropPolicy_Reports()
    {
        FirewallFixture.AssertReports(Rule, "iptables -P INPUT DROP\niptables -A INPUT -j [|ACCEPT|]\n");
    }

    [Fact]
    public void UfwDefaultDenyAfterAllow_NoDiagnostic()
    {
        FirewallFixture.AssertNoDiagnostic(Rule, "ufw default allow incoming\nufw default deny incoming\nufw default allow outgoing\nufw enable\n");
    }

    [Fact]
    public void UfwDefaultAllowRouted_NoDiagnostic()
    {
        FirewallFixture.AssertNoDiagnostic(Rule, "ufw default deny incoming\nufw default allow routed\n");
    }

    [Fact]
    public void AcceptPolicyWithFinalDrop_NoDiagnostic()
    {
        FirewallFixture.AssertNoDiagnostic(Rule, """
            *filter
            :INPUT ACCEPT [0:0]
            -A INPUT -i lo -j ACCEPT
            -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
            -A INPUT -p tcp --dport 443 -j ACCEPT
            -A INPUT -j REJECT --reject-with icmp-port-unreachable
            COMMIT
            """, "rules.v4");
    }

    [Fact]
    public void FinalDropInJumpedChain_NoDiagnostic()
    {
        FirewallFixture.AssertNoDiagnostic(Rule, "iptables -P INPUT ACCEPT\niptables -N guard\niptables -A guard -m comment --comment 'final' -j DROP\niptables -A INPUT -j guard\n");
    }

    [Fact]
    public void IptablesDropPolicy_NoDiagnostic()
    {
        FirewallFixture.AssertNoDiagnostic(Rule, "iptables -P INPUT DROP\niptables -A INPUT -i lo -j ACCEPT\niptables -P OUTPUT ACCEPT\n");
    }

    [Fact]
    public void UfwConfEnabled_NoDiagnostic()
    {
        FirewallFixture.AssertNoDiagnostic(Rule, "ENABLED=yes\n", "etc/ufw/ufw.conf");
    }

    [Fact]
    public void SuppressionComment_SuppressesFinding()
    {
        var result = new LintEngineHarness().LintScript("""
            #!/bin/sh
            # netsec-disable-next-line NETSEC050: a lab machine behind its own gateway
            ufw default allow incoming
            """);

        var finding = Assert.Single(result.Findings);
        Assert.True(finding.IsSuppressed);
    }
}
