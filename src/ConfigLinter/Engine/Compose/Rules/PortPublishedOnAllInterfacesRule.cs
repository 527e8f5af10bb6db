using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Compose.Rules;

/// <summary>NETSEC053: a port published on all interfaces that NETSEC051 does not already report.</summary>
internal sealed class PortPublishedOnAllInterfacesRule : IComposeRule
{
    public void Analyze(ComposeRuleContext context)
    {
        foreach (var service in context.Project.Services)
        {
            foreach (var mapping in PublishedPorts.OnAllInterfaces(service, context))
            {
                if (PublishedPorts.SensitiveProduct(mapping, service, context) is not null)
                {
                    continue;
                }

                var (port, related) = PublishedPorts.Describe(mapping, product: null, context.Firewall);
                context.Report(RuleCatalog.PortPublishedOnAllInterfaces, mapping.Location, related, ComposeRuleContext.Describe(service), port);
            }
        }
    }
}
