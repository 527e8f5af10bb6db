using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>One catalogue rule's check over a read nginx configuration.</summary>
internal interface INginxRule
{
    RuleDefinition Rule { get; }

    void Analyze(NginxRuleContext context);
}
