using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Compose.Rules;

/// <summary>NETSEC051, compose side: a database or admin port published on all interfaces.</summary>
internal sealed class SensitivePortPublishedRule : IComposeRule
{
    public void Analyze(ComposeRuleContext context)
    {
        foreach (var service in context.Project.Services)
        {
            foreach (var mapping in PublishedPorts.OnAllInterfaces(service, context))
            {
                var product = PublishedPorts.SensitiveProduct(mapping, service, context);
                if (product is null)
                {
                    continue;
                }

                var (port, related) = PublishedPorts.Describe(mapping, product, context.Firewall);
                context.Report(RuleCatalog.SensitivePortReachableFromAnyAddress, mapping.Location, related, ComposeRuleContext.Describe(service), port);
            }
        }
    }
}
