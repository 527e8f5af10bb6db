using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Network;

namespace NetSecAnalyzers.ConfigLinter.Firewall.Rules;

/// <summary>
/// NETSEC051 in ufw and iptables: an inbound allow (or ufw <c>limit</c>) from any address that names a port
/// of <see cref="LintOptions.SensitivePorts"/>, unless an earlier rule blocks that port from any address.
/// Rules bound to one interface or to a loopback destination are left out, because the interface may be private.
/// </summary>
internal sealed class SensitivePortReachableRule : IFirewallRule
{
    private static readonly string[] PortProtocols = { "tcp", "udp" };

    public RuleDefinition Rule => RuleCatalog.SensitivePortReachableFromAnyAddress;

    public void Analyze(FirewallDocument document, LintOptions options, DiagnosticBag diagnostics)
    {
        foreach (var chain in document.Chains.Where(chain => chain.IsInbound))
        {
            for (var index = 0; index < chain.Rules.Count; index++)
            {
                var rule = chain.Rules[index];
                if (!OpensNamedPortsToEveryone(rule))
                {
                    continue;
                }

                var exposed = ExposedPorts(chain, index, options.SensitivePorts);
                if (exposed.Count > 0)
                {
                    var ports = string.Join(", ", exposed.Select(SensitivePortProducts.Describe));
                    diagnostics.Report(new Finding(Rule, Rule.FormatMessage(rule.Description, ports), rule.ValueLocation));
                }
            }
        }
    }

    internal static bool OpensNamedPortsToEveryone(FirewallRule rule) =>
        (rule.Verdict == FirewallVerdict.Accept || rule.Verdict == FirewallVerdict.Limit)
        && rule.FromAnyAddress
        && !rule.OnInterface
        && !rule.ToLoopback
        && rule.MatchesNewConnections
        && rule.Ports is not null
        && rule.PortsKnown;

    private static List<int> ExposedPorts(FirewallChain chain, int index, IReadOnlyList<int> sensitivePorts)
    {
        var rule = chain.Rules[index];
        return sensitivePorts
            .Where(port => PortProtocols.Any(protocol => rule.Covers(port, protocol) && !FirewallChains.BlockedBefore(chain, index, port, protocol)))
            .Distinct()
            .ToList();
    }
}
