using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>
/// NETSEC035 in nginx: a server, location or <c>if</c> in a location of a TLS server whose own
/// <c>add_header</c> stops nginx from sending security headers that the level around it sends. A block
/// that names a header itself, even with an empty value that removes it on purpose, does not lose it
/// silently, and <c>add_header_inherit merge</c> (nginx 1.29.3 and later) keeps every inherited header.
/// </summary>
internal sealed class NestedAddHeaderDropsHeadersRule : INginxRule
{
    public RuleDefinition Rule => RuleCatalog.NestedAddHeaderDropsHeaders;

    public void Analyze(NginxRuleContext context)
    {
        foreach (var scopes in context.TlsServerHeaders)
        {
            foreach (var scope in scopes)
            {
                var dropped = EffectiveHeaders.Dropped(scope);
                if (dropped.Count == 0)
                {
                    continue;
                }

                var subject = scope.Parent is null ? "this server" : scope.Block.ToDisplayString();
                var message = Rule.FormatMessage(subject, EffectiveHeaders.JoinNames(dropped));
                context.Report(Rule, message, scope.Block.NameToken.Location, scope.Block);
            }
        }
    }
}
