using System.Collections.Generic;
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
        // Scopes that drop the same headers share one list, so its wording is joined once per list.
        var joinedNames = new Dictionary<IReadOnlyList<string>, string>(SameList.Instance);
        var servers = context.TlsServerHeaders;
        for (var s = 0; s < servers.Count; s++)
        {
            var scopes = servers[s];
            for (var j = 0; j < scopes.Count; j++)
            {
                var scope = scopes[j];
                var dropped = EffectiveHeaders.Dropped(scope);
                if (dropped.Count == 0)
                {
                    continue;
                }

                if (!joinedNames.TryGetValue(dropped, out var names))
                {
                    names = EffectiveHeaders.JoinNames(dropped);
                    joinedNames.Add(dropped, names);
                }

                var subject = scope.Parent is null ? "this server" : scope.Block.ToDisplayString();
                var message = Rule.FormatMessage(subject, names);
                context.Report(Rule, message, scope.Block.NameToken.Location, scope.Block);
            }
        }
    }

    /// <summary>Compares lists by identity; the runtime's own comparer for this is missing from netstandard2.0.</summary>
    private sealed class SameList : IEqualityComparer<IReadOnlyList<string>>
    {
        public static readonly SameList Instance = new();

        public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y) => ReferenceEquals(x, y);

        public int GetHashCode(IReadOnlyList<string> obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
