using System.Collections.Generic;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Compose.Project;
using NetSecAnalyzers.ConfigLinter.Compose.Yaml;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Firewall;

namespace NetSecAnalyzers.ConfigLinter.Compose.Rules;

/// <summary>What the compose rules share for one project: the project, the options, and each service's ports read once.</summary>
internal sealed class ComposeRuleContext
{
    private readonly Dictionary<ComposeService, IReadOnlyList<PortMapping>> ports = new();

    public ComposeRuleContext(ComposeProject project, LintOptions options, DiagnosticBag diagnostics, HostFirewallFacts firewall)
    {
        Project = project;
        Options = options;
        Diagnostics = diagnostics;
        Firewall = firewall;
    }

    public ComposeProject Project { get; }

    public LintOptions Options { get; }

    public DiagnosticBag Diagnostics { get; }

    /// <summary>What the scan's host firewall files restrict; empty when the scan has none.</summary>
    public HostFirewallFacts Firewall { get; }

    /// <summary>Returns the service's published ports; an entry Docker rejects is reported once, as a notification.</summary>
    public IReadOnlyList<PortMapping> Ports(ComposeService service)
    {
        if (!ports.TryGetValue(service, out var list))
        {
            list = PortParser.Parse(service.Definition.Get("ports"), Diagnostics);
            ports[service] = list;
        }

        return list;
    }

    public void Report(RuleDefinition rule, YamlNode node, IReadOnlyList<RelatedLocation>? related, params object[] arguments) =>
        Report(rule, node.Location, related, arguments);

    public void Report(RuleDefinition rule, SourceLocation location, IReadOnlyList<RelatedLocation>? related, params object[] arguments) =>
        Diagnostics.Report(new Finding(rule, rule.FormatMessage(arguments), location, related));

    /// <summary>Names a service for messages, with its image when it has one: <c>service 'db' (postgres:16)</c>.</summary>
    public static string Describe(ComposeService service)
    {
        var image = ComposeValues.Text(service.Definition.Get("image"));
        return image is null || !ComposeValues.IsKnown(image)
            ? "Service '" + service.Name + "'"
            : "Service '" + service.Name + "' (" + image + ")";
    }
}
