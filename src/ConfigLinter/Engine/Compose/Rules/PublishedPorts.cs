using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Compose.Project;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Firewall;
using NetSecAnalyzers.ConfigLinter.Network;

namespace NetSecAnalyzers.ConfigLinter.Compose.Rules;

/// <summary>
/// What NETSEC051 and NETSEC053 share: which ports a service publishes on all interfaces, which of them are
/// sensitive, and the host firewall statement each one slips past.
/// </summary>
internal static class PublishedPorts
{
    /// <summary>
    /// Returns the product behind a port published on all interfaces when NETSEC051 applies to it: a
    /// container port in <see cref="LintOptions.SensitivePorts"/>, or any port of a database image (a
    /// database moved to another port is still a database). Returns null for NETSEC053's ports.
    /// </summary>
    public static string? SensitiveProduct(PortMapping mapping, ComposeService service, ComposeRuleContext context)
    {
        if (mapping.Target is { } target && PortParser.Overlaps(target, context.Options.SensitivePorts, out var port))
        {
            return SensitivePortProducts.ProductFor(port) ?? "sensitive port " + PortParser.Format(port);
        }

        return ServiceKinds.DatabaseImage(service);
    }

    public static IEnumerable<PortMapping> OnAllInterfaces(ComposeService service, ComposeRuleContext context) =>
        context.Ports(service).Where(mapping => mapping.IsOnAllInterfaces);

    /// <summary>
    /// Describes the port for a message, such as <c>5432 (PostgreSQL, container port 5432)</c>, and adds
    /// the host firewall statement the operator may think protects it, when the scan contains one.
    /// </summary>
    public static (string Text, IReadOnlyList<RelatedLocation>? Related) Describe(PortMapping mapping, string? product, HostFirewallFacts firewall)
    {
        var details = new List<string>();
        if (product is not null)
        {
            details.Add(product);
        }

        string port;
        if (mapping.Published is { } published)
        {
            port = published.ToString('-');
            details.Add("'" + mapping.Written + "'");
            if (mapping.Target is { } target && (target.First != published.First || target.Last != published.Last))
            {
                details.Add("container port " + target.ToString('-'));
            }
        }
        else
        {
            port = (mapping.Target?.ToString('-') ?? "?") + " of the container";
            details.Add("'" + mapping.Written + "', on a random host port");
        }

        var protection = FindProtection(mapping, firewall);
        IReadOnlyList<RelatedLocation>? related = null;
        if (protection is not null)
        {
            details.Add("Docker publishes it through its own iptables rules ahead of the host firewall's input rules, so " + protection.Description + " does not block it");
            related = new[]
            {
                new RelatedLocation(protection.Location, "Docker-published ports bypass this host firewall statement: " + protection.Description),
            };
        }

        return (port + " (" + string.Join("; ", details) + ")", related);
    }

    /// <summary>
    /// Looks a known host port up by number, and a random one only among default policies, in the firewall
    /// files of the compose file's own host.
    /// </summary>
    private static InboundProtection? FindProtection(PortMapping mapping, HostFirewallFacts firewall)
    {
        var protocol = mapping.Protocol == "udp" ? "udp" : "tcp";
        firewall = firewall.For(mapping.Location.FilePath);
        return mapping.Published is { } published
            ? firewall.FindProtection(published.First, protocol)
            : firewall.Protections.FirstOrDefault(protection => protection.Port is null && protection.Covers(0, protocol));
    }
}
