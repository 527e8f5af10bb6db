using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Compose.Project;
using NetSecAnalyzers.ConfigLinter.Compose.Yaml;

namespace NetSecAnalyzers.ConfigLinter.Compose.Rules;

/// <summary>
/// NETSEC060: a database service on a network that is not <c>internal: true</c> (the project's
/// <c>default</c> network included), or on a network it shares with a service that publishes ports
/// to other hosts.
/// </summary>
internal sealed class DataTierNotIsolatedRule : IComposeRule
{
    private const string DefaultNetwork = "default";

    public void Analyze(ComposeRuleContext context)
    {
        var attachments = context.Project.Services.ToDictionary(service => service, Attachments);
        var facing = context.Project.Services.Where(service => IsInternetFacing(service, context)).ToList();

        foreach (var service in context.Project.Services.Where(service => ServiceKinds.IsDatabase(service, context)))
        {
            foreach (var (network, node) in attachments[service])
            {
                var reasons = new List<string>();
                var declaration = context.Project.Networks?.Get(network) as MappingNode;
                var isExternal = ComposeValues.IsTrue(declaration?.Get("external"));
                if (!isExternal && !ComposeValues.IsTrue(declaration?.Get("internal")))
                {
                    reasons.Add(network == DefaultNetwork && declaration is null
                        ? "is the network every service without a networks key joins, and it is not internal: true"
                        : "is not internal: true");
                }

                var sharing = facing
                    .Where(other => other != service && attachments[other].Any(attachment => attachment.Network == network))
                    .Select(other => "'" + other.Name + "'")
                    .ToList();
                if (sharing.Count > 0)
                {
                    reasons.Add("is shared with " + string.Join(", ", sharing) + (sharing.Count == 1 ? ", which publishes" : ", which publish") + " ports to other hosts");
                }

                if (reasons.Count > 0)
                {
                    context.Report(RuleCatalog.DataTierNotIsolated, node, null, ComposeRuleContext.Describe(service), "'" + network + "'", string.Join(" and ", reasons));
                }
            }
        }
    }

    /// <summary>
    /// Returns the networks a service joins, each with the node that names it. A service without a
    /// <c>networks</c> key joins <c>default</c>, named by the service's key. <c>network_mode</c> takes the
    /// service off the project's networks: <c>host</c> is NETSEC061's, <c>none</c> is isolated, and another
    /// container's namespace is that container's.
    /// </summary>
    private static List<(string Network, YamlNode Node)> Attachments(ComposeService service)
    {
        if (service.Definition.Get("network_mode") is not null)
        {
            return new List<(string, YamlNode)>();
        }

        var networks = service.Definition.Get("networks");
        if (networks is null)
        {
            return new List<(string, YamlNode)> { (DefaultNetwork, service.NameNode) };
        }

        return ComposeValues.Names(networks).Select(name => (name.Name, name.Node)).ToList();
    }

    /// <summary>A service publishes ports to other hosts when a port is bound to all interfaces or to a non-loopback address, or it uses host networking.</summary>
    private static bool IsInternetFacing(ComposeService service, ComposeRuleContext context) =>
        context.Ports(service).Any(mapping => mapping.IsReachableFromNetwork)
        || ComposeValues.Text(service.Definition.Get("network_mode")) == "host";
}
