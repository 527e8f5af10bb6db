using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Firewall;

namespace NetSecAnalyzers.ConfigLinter.Tests.Firewall;

public sealed class FirewallReaderTests
{
    private const string Script = "fixture/setup-firewall.sh";

    [Theory]
    [InlineData("ufw allow 22/tcp", "22", "tcp")]
    [InlineData("ufw allow 53", "53", null)]
    [InlineData("ufw allow 6000:6007/tcp", "6000:6007", "tcp")]
    [InlineData("ufw allow 8000,8080,8443/tcp", "8000,8080,8443", "tcp")]
    [InlineData("ufw allow http", "80", "tcp")]
    [InlineData("ufw allow 'WWW Full'", "80,443", "tcp")]
    [InlineData("ufw allow log-all 443/tcp", "443", "tcp")]
    [InlineData("ufw reject 113/tcp", "113", "tcp")]
    [InlineData("ufw allow from 10.0.0.5 to any port 3306 proto tcp", "3306", "tcp")]
    [InlineData("ufw allow proto tcp from 203.0.113.0/24 to any port 22", "22", "tcp")]
    [InlineData("ufw allow in on eth0 to any app 'WWW Secure'", "443", "tcp")]
    [InlineData("ufw insert 1 deny from 203.0.113.99", null, null)]
    [InlineData("ufw prepend deny from 2001:db8:bad::/48", null, null)]
    [InlineData("ufw allow 80/tcp comment 'HTTP, redirects to HTTPS'", "80", "tcp")]
    [InlineData("sudo -E /usr/sbin/ufw allow 443/tcp", "443", "tcp")]
    public void UfwRuleForms_ReadPortsAndProtocol(string command, string? ports, string? protocol)
    {
        var diagnostics = new DiagnosticBag();
        var document = FirewallScriptReader.Read(Script, command + "\n", diagnostics);

        Assert.Empty(diagnostics.Notifications);
        var rule = Assert.Single(document.FindChain("ufw")!.Rules);
        Assert.Equal(ports, rule.Ports is null ? null : string.Join(",", rule.Ports));
        Assert.Equal(protocol, rule.Protocol);
    }

    [Theory]
    [InlineData("ufw allow out 53/udp")]
    [InlineData("ufw route allow in on eth1 out on eth0")]
    [InlineData("ufw route allow in on wg0 out on eth0 to 10.0.0.0/8 port 443 proto tcp")]
    [InlineData("ufw allow out on wg0 to 10.9.0.0/24")]
    public void UfwOutgoingAndRoutedRules_AreNotInbound(string command)
    {
        var diagnostics = new DiagnosticBag();
        var document = FirewallScriptReader.Read(Script, command + "\n", diagnostics);

        Assert.Empty(diagnostics.Notifications);
        Assert.Empty(document.FindChain("ufw")!.Rules);
    }

    [Fact]
    public void UfwLineContinuation_ReadsOneCommand()
    {
        var diagnostics = new DiagnosticBag();
        var document = FirewallScriptReader.Read(Script, "ufw allow from 10.0.0.0/8 \\\n    to any port 5432 proto tcp\n", diagnostics);

        Assert.Empty(diagnostics.Notifications);
        var rule = Assert.Single(document.FindChain("ufw")!.Rules);
        Assert.False(rule.FromAnyAddress);
        Assert.Equal(2, rule.ValueLocation.StartLine);
        Assert.Equal(17, rule.ValueLocation.StartColumn);
    }

    [Theory]
    [InlineData("ufw allow 22/foo", "ERROR: Bad port", 1, 11)]
    [InlineData("ufw allow 6000:6007", "ERROR: Must specify 'tcp' or 'udp' with multiple ports", 1, 11)]
    [InlineData("ufw allow from 10.0.0.1 to 2001:db8::1", "ERROR: Mixed IP versions for 'from' and 'to'", 1, 11)]
    [InlineData("ufw insert 0 allow 80", "ERROR: Cannot insert rule at position '0'", 1, 12)]
    [InlineData("ufw allow in 80/tcp on eth0", "ERROR: Wrong number of arguments", 1, 14)]
    [InlineData("ufw allow 80/tcp comment \"it's\"", "ERROR: Comment may not contain \"'\"", 1, 26)]
    [InlineData("ufw route allow in 80", "ERROR: Invalid interface clause for route rule", 1, 11)]
    [InlineData("ufw route delete 3", "ERROR: 'route delete NUM' unsupported. Use 'delete NUM' instead", 1, 18)]
    [InlineData("ufw allow to any port ssh,http", "ERROR: Port ranges must be numeric", 1, 23)]
    [InlineData("ufw allow from 300.1.2.3", "ERROR: Bad source address '300.1.2.3'", 1, 16)]
    [InlineData("ufw default maybe incoming", "ERROR: Unsupported policy 'maybe'", 1, 13)]
    public void InvalidUfwCommand_ReportsUfwErrorAtToken(string command, string error, int line, int column)
    {
        var diagnostics = new DiagnosticBag();
        FirewallScriptReader.Read(Script, command + "\n", diagnostics);

        var notification = Assert.Single(diagnostics.Notifications);
        Assert.Equal(FirewallNotificationCodes.UfwSyntax, notification.Code);
        Assert.Contains(error, notification.Message);
        Assert.Equal((line, column), (notification.Location!.StartLine, notification.Location.StartColumn));
    }

    [Fact]
    public void InvalidCommand_RestOfScriptStillChecked()
    {
        var diagnostics = FirewallFixture.Lint("ufw allow 22/foo\nufw allow 5432/tcp\n");

        Assert.Single(diagnostics.Notifications);
        Assert.Contains(diagnostics.Findings, finding => finding.Rule.Id == "NETSEC051" && finding.Location.StartLine == 2);
    }

    [Fact]
    public void UnclosedQuote_ReportsShellError()
    {
        var diagnostics = new DiagnosticBag();
        FirewallScriptReader.Read(Script, "ufw allow 80/tcp\nufw allow 443/tcp comment 'web\n", diagnostics);

        var notification = Assert.Single(diagnostics.Notifications);
        Assert.Equal(FirewallNotificationCodes.ShellSyntax, notification.Code);
        Assert.Equal((2, 27), (notification.Location!.StartLine, notification.Location.StartColumn));
    }

    [Fact]
    public void MixedScript_ReadsBothTools()
    {
        var diagnostics = new DiagnosticBag();
        var document = FirewallScriptReader.Read(Script, """
            #!/bin/bash
            set -e
            apt-get install -y ufw
            IPT=/sbin/iptables
            ufw allow 443/tcp
            if true; then $IPT -A INPUT -p tcp --dport 80 -j ACCEPT; fi
            ip6tables -P INPUT DROP
            iptables-save > /etc/iptables/rules.v4
            """, diagnostics);

        Assert.Empty(diagnostics.Notifications);
        Assert.Single(document.FindChain("ufw")!.Rules);
        Assert.Single(document.FindChain("iptables INPUT")!.Rules);
        Assert.False(Assert.Single(document.Defaults).Accepts);
    }

    [Fact]
    public void IptablesCommand_ReadsMatches()
    {
        var diagnostics = new DiagnosticBag();
        var document = FirewallScriptReader.Read(Script, "iptables -I INPUT 1 -i eth0 -p tcp ! -s 10.0.0.0/8 -m conntrack --ctstate NEW -m multiport --dports 5432,6379 -j ACCEPT\n", diagnostics);

        Assert.Empty(diagnostics.Notifications);
        var rule = Assert.Single(document.FindChain("iptables INPUT")!.Rules);
        Assert.Equal("5432,6379", string.Join(",", rule.Ports!));
        Assert.True(rule.FromAnyAddress);
        Assert.True(rule.OnInterface);
        Assert.True(rule.MatchesNewConnections);
        Assert.Equal(FirewallVerdict.Accept, rule.Verdict);
    }

    [Theory]
    [InlineData("iptables -A", "option \"-A\" requires an argument", 10)]
    [InlineData("iptables -A INPUT --dport 22 -j ACCEPT", "unknown option \"--dport\"", 19)]
    [InlineData("iptables -A INPUT -p tcp --dport ssh-ish -j ACCEPT", "invalid port/service 'ssh-ish' specified", 34)]
    public void InvalidIptablesCommand_ReportsErrorAtToken(string command, string error, int column)
    {
        var diagnostics = new DiagnosticBag();
        FirewallScriptReader.Read(Script, command + "\n", diagnostics);

        var notification = Assert.Single(diagnostics.Notifications);
        Assert.Equal(FirewallNotificationCodes.IptablesSyntax, notification.Code);
        Assert.Contains(error, notification.Message);
        Assert.Equal(column, notification.Location!.StartColumn);
    }

    [Fact]
    public void IptablesSave_ReadsPoliciesTablesAndJumps()
    {
        var diagnostics = new DiagnosticBag();
        var document = IptablesSaveReader.Read("rules.v4", """
            # Generated by iptables-save
            *nat
            :PREROUTING ACCEPT [0:0]
            -A PREROUTING -p tcp --dport 5432 -j DNAT --to-destination 172.18.0.2:5432
            COMMIT
            *filter
            :INPUT DROP [0:0]
            :ufw-user-input - [0:0]
            -A INPUT -j ufw-user-input
            -A ufw-user-input -p tcp --dport 22 -j ACCEPT
            -A ufw-user-input -m comment --comment "web; public" -p tcp --dport 443 -j ACCEPT
            COMMIT
            """, diagnostics);

        Assert.Empty(diagnostics.Notifications);
        Assert.Equal(2, document.FindChain("iptables ufw-user-input")!.Rules.Count);
        Assert.True(document.FindChain("iptables ufw-user-input")!.IsInbound);
        Assert.Null(document.FindChain("iptables PREROUTING"));
        var policy = Assert.Single(document.Defaults);
        Assert.Equal((7, 8), (policy.Location.StartLine, policy.Location.StartColumn));
    }

    [Fact]
    public void UserRulesTuples_ReadActionsAppsAndDirections()
    {
        var diagnostics = new DiagnosticBag();
        var document = UfwRulesFileReader.Read("user.rules", """
            ### tuple ### limit tcp 22 0.0.0.0/0 any 0.0.0.0/0 in
            ### tuple ### allow_log tcp 80 0.0.0.0/0 any 0.0.0.0/0 in
            ### tuple ### allow tcp 80,443 0.0.0.0/0 any 0.0.0.0/0 WWW%20Full - in
            ### tuple ### allow tcp 5432 0.0.0.0/0 any 10.8.0.0/24 in_eth1
            ### tuple ### route:allow any any 0.0.0.0/0 any 0.0.0.0/0 in_eth1!out_eth0
            ### tuple ### allow udp 53 0.0.0.0/0 any 0.0.0.0/0 out
            ### tuple ### broken
            """, diagnostics);

        var rules = document.FindChain("ufw")!.Rules;
        Assert.Equal(new[] { FirewallVerdict.Limit, FirewallVerdict.Accept, FirewallVerdict.Accept, FirewallVerdict.Accept }, rules.Select(rule => rule.Verdict));
        Assert.Equal((3, 56), (rules[2].ValueLocation.StartLine, rules[2].ValueLocation.StartColumn));
        Assert.True(rules[3].OnInterface);
        Assert.False(rules[3].FromAnyAddress);
        var notification = Assert.Single(diagnostics.Notifications);
        Assert.Equal(FirewallNotificationCodes.UfwRulesFile, notification.Code);
        Assert.Equal(7, notification.Location!.StartLine);
    }

    [Fact]
    public void Protections_RecordDeniesSourceRestrictionsAndDefaults()
    {
        var diagnostics = FirewallFixture.Lint("""
            ufw default deny incoming
            ufw deny 5432/tcp
            ufw allow from 10.0.0.0/8 to any port 6379 proto tcp
            ufw allow 443/tcp
            ufw deny from 198.51.100.7
            """);

        var facts = diagnostics.HostFirewall;
        Assert.Equal(
            new[] { "ufw deny 5432/tcp", "ufw allow from 10.0.0.0/8 to any port 6379 proto tcp", "ufw default deny incoming" },
            facts.Protections.Select(protection => protection.Description));
        Assert.Equal("ufw deny 5432/tcp", facts.FindProtection(5432, "tcp")!.Description);
        Assert.Equal("ufw default deny incoming", facts.FindProtection(8080, "tcp")!.Description);
        Assert.Equal((2, 10), (facts.FindProtection(5432, "tcp")!.Location.StartLine, facts.FindProtection(5432, "tcp")!.Location.StartColumn));
    }
}
