using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>
/// NETSEC032 in nginx: a TLS server whose own response headers, after inheritance from <c>http</c>, have no
/// <c>Strict-Transport-Security</c>. A server or location that had the header from the level around it
/// and lost it through its own <c>add_header</c> is left to NETSEC035, which names the cause.
/// </summary>
internal sealed class HstsNotEnabledRule : INginxRule
{
    public RuleDefinition Rule => RuleCatalog.HstsNotEnabled;

    public void Analyze(NginxRuleContext context)
    {
        foreach (var scopes in context.TlsServerHeaders)
        {
            var server = scopes[0];
            if (server.Sends(EffectiveHeaders.Hsts) || EffectiveHeaders.Dropped(server).Contains(EffectiveHeaders.Hsts))
            {
                continue;
            }

            var message = Rule.FormatMessage("this TLS server" + Detail(server, scopes.Skip(1)));
            context.Report(Rule, message, server.Block.NameToken.Location, server.Block);
        }
    }

    /// <summary>Explains a header that is written but not sent, or sent only from some locations.</summary>
    private static string Detail(HeaderScope server, IEnumerable<HeaderScope> nested)
    {
        var empty = server.Effective.FirstOrDefault(header => !header.IsSent && header.Is(EffectiveHeaders.Hsts));
        if (empty is not null)
        {
            return " (" + empty.Directive.ToDisplayString() + " has an empty value, so nginx sends no header)";
        }

        var setters = nested
            .Where(scope => scope.Own.Any(header => header.IsSent && header.Is(EffectiveHeaders.Hsts)))
            .Select(scope => scope.Block.ToDisplayString())
            .ToList();
        return setters.Count == 0 ? string.Empty : " (only " + EffectiveHeaders.JoinNames(setters) + " sets it)";
    }
}
