using System;
using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>
/// NETSEC034 in nginx: a TLS server whose response headers, after inheritance from <c>http</c>, lack
/// <c>X-Content-Type-Options: nosniff</c>, clickjacking protection, <c>Content-Security-Policy</c> or
/// <c>Referrer-Policy</c>. A header the server had from <c>http</c> and lost through its own
/// <c>add_header</c> is left to NETSEC035, and so are locations that lose headers.
/// </summary>
internal sealed class SecurityHeadersMissingRule : INginxRule
{
    private static readonly Requirement[] Requirements =
    {
        new("X-Content-Type-Options: nosniff", new[] { EffectiveHeaders.ContentTypeOptions }, IsNoSniff),
        new(
            "clickjacking protection (X-Frame-Options DENY or SAMEORIGIN, or Content-Security-Policy frame-ancestors)",
            new[] { EffectiveHeaders.FrameOptions, EffectiveHeaders.ContentSecurityPolicy },
            PreventsFraming),
        new(EffectiveHeaders.ContentSecurityPolicy, new[] { EffectiveHeaders.ContentSecurityPolicy }, _ => true),
        new(EffectiveHeaders.ReferrerPolicy, new[] { EffectiveHeaders.ReferrerPolicy }, _ => true),
    };

    public RuleDefinition Rule => RuleCatalog.SecurityHeadersMissing;

    public void Analyze(NginxRuleContext context)
    {
        foreach (var scopes in context.TlsServerHeaders)
        {
            var server = scopes[0];
            var dropped = EffectiveHeaders.Dropped(server);
            // Plain loops: this runs for every TLS server of a large set, and LINQ with method groups allocated
            // a delegate per server, requirement and header.
            List<string>? missing = null;
            foreach (var requirement in Requirements)
            {
                if (!requirement.IsDroppedIn(dropped) && !requirement.IsMetByAny(server.Effective))
                {
                    (missing ??= new List<string>()).Add(requirement.Description);
                }
            }

            if (missing is null)
            {
                continue;
            }

            var message = Rule.FormatMessage("this TLS server", EffectiveHeaders.JoinNames(missing));
            context.Report(Rule, message, server.Block.NameToken.Location, server.Block);
        }
    }

    /// <summary>A value with a variable cannot be judged, so it counts as meeting the requirement.</summary>
    private static bool IsNoSniff(AddedHeader header) =>
        header.HasVariables || string.Equals(header.Value.Text.Trim(), "nosniff", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <c>X-Frame-Options</c> protects with DENY or SAMEORIGIN, because browsers ignore the retired
    /// ALLOW-FROM. A policy protects when one of its directives is <c>frame-ancestors</c>.
    /// </summary>
    private static bool PreventsFraming(AddedHeader header)
    {
        if (header.HasVariables)
        {
            return true;
        }

        var value = header.Value.Text.Trim();
        if (header.Is(EffectiveHeaders.FrameOptions))
        {
            return string.Equals(value, "DENY", StringComparison.OrdinalIgnoreCase)
                || string.Equals(value, "SAMEORIGIN", StringComparison.OrdinalIgnoreCase);
        }

        return value.Split(';').Any(directive => string.Equals(FirstWord(directive), "frame-ancestors", StringComparison.OrdinalIgnoreCase));
    }

    private static string FirstWord(string directive) =>
        directive.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;

    private sealed class Requirement
    {
        private readonly Func<AddedHeader, bool> accepts;

        public Requirement(string description, string[] headers, Func<AddedHeader, bool> accepts)
        {
            Description = description;
            Headers = headers;
            this.accepts = accepts;
        }

        public string Description { get; }

        /// <summary>The headers that can meet the requirement.</summary>
        public string[] Headers { get; }

        /// <summary>Whether the server sends one of the headers with a value that meets the requirement.</summary>
        public bool IsMetByAny(IReadOnlyList<AddedHeader> effective)
        {
            for (var i = 0; i < effective.Count; i++)
            {
                var header = effective[i];
                if (header.IsSent && IsOneOf(header) && accepts(header))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a nested level dropped one of the headers; NETSEC035 reports that instead.</summary>
        public bool IsDroppedIn(IReadOnlyList<string> dropped)
        {
            foreach (var name in Headers)
            {
                for (var i = 0; i < dropped.Count; i++)
                {
                    if (string.Equals(name, dropped[i], StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool IsOneOf(AddedHeader header)
        {
            foreach (var name in Headers)
            {
                if (header.Is(name))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
