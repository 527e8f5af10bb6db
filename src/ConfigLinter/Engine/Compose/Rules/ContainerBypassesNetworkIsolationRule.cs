using System;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Compose.Rules;

/// <summary>NETSEC061: host networking, privileged mode, and the network and admin capabilities.</summary>
internal sealed class ContainerBypassesNetworkIsolationRule : IComposeRule
{
    private const string CapabilityPrefix = "CAP_";

    public void Analyze(ComposeRuleContext context)
    {
        foreach (var service in context.Project.Services)
        {
            var name = ComposeRuleContext.Describe(service);
            var networkMode = service.Definition.Get("network_mode");
            if (ComposeValues.Text(networkMode) == "host")
            {
                context.Report(RuleCatalog.ContainerBypassesNetworkIsolation, networkMode!, null, name, "network_mode: host",
                    "shares the host's network stack, so it can listen on any host port and reach services bound to the host's loopback address");
            }

            var privileged = service.Definition.Get("privileged");
            if (ComposeValues.IsTrue(privileged))
            {
                context.Report(RuleCatalog.ContainerBypassesNetworkIsolation, privileged!, null, name, "privileged: " + ComposeValues.Text(privileged),
                    "gives the container every capability and the host's devices");
            }

            foreach (var item in ComposeValues.Items(service.Definition.Get("cap_add")))
            {
                var text = ComposeValues.Text(item);
                var effect = text is null ? null : EffectOf(text);
                if (effect is not null)
                {
                    context.Report(RuleCatalog.ContainerBypassesNetworkIsolation, item, null, name, "cap_add " + text, effect);
                }
            }
        }
    }

    /// <summary>Docker accepts capability names in any case, with or without the <c>CAP_</c> prefix.</summary>
    private static string? EffectOf(string capability)
    {
        var name = capability.Trim().ToUpperInvariant();
        if (name.StartsWith(CapabilityPrefix, StringComparison.Ordinal))
        {
            name = name.Substring(CapabilityPrefix.Length);
        }

        return name switch
        {
            "NET_ADMIN" => "lets the container change interfaces, routes and firewall rules",
            "NET_RAW" => "lets the container craft raw packets, such as spoofed ARP replies on the shared bridge",
            "SYS_ADMIN" => "grants broad administrative powers, mounting file systems among them",
            "ALL" => "grants every capability",
            _ => null,
        };
    }
}
