using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Firewall.Rules;

/// <summary>
/// NETSEC052 in ufw and iptables: an inbound allow of TCP port 22 (or the OpenSSH profile) from any address
/// that no rate limit guards. A guard is ufw's <c>limit</c>, a <c>recent</c>, <c>limit</c>, <c>hashlimit</c>
/// or <c>connlimit</c> match on the rule itself, or an earlier rule for port 22 with such a match, as in the
/// usual <c>recent --set</c> / <c>recent --update … -j DROP</c> pair.
/// </summary>
internal sealed class SshWithoutRateLimitingRule : IFirewallRule
{
    public RuleDefinition Rule => RuleCatalog.SshWithoutRateLimiting;

    public void Analyze(FirewallDocument document, LintOptions options, DiagnosticBag diagnostics)
    {
        foreach (var chain in document.Chains.Where(chain => chain.IsInbound))
        {
            for (var index = 0; index < chain.Rules.Count; index++)
            {
                var rule = chain.Rules[index];
                if (rule.Verdict == FirewallVerdict.Accept
                    && !rule.IsRateLimited
                    && SensitivePortReachableRule.OpensNamedPortsToEveryone(rule)
                    && rule.Covers(WellKnownPorts.Ssh, FirewallChains.Tcp)
                    && !GuardedBefore(chain, index)
                    && !FirewallChains.BlockedBefore(chain, index, WellKnownPorts.Ssh, FirewallChains.Tcp))
                {
                    diagnostics.Report(new Finding(Rule, Rule.FormatMessage(rule.Description), rule.ValueLocation));
                }
            }
        }
    }

    private static bool GuardedBefore(FirewallChain chain, int index) =>
        chain.Rules.Take(index).Any(earlier =>
            (earlier.IsRateLimited || earlier.Verdict == FirewallVerdict.Limit)
            && earlier.PortsKnown
            && earlier.Covers(WellKnownPorts.Ssh, FirewallChains.Tcp));
}
