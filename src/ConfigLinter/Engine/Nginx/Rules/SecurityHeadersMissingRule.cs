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
            var missing = Requirements
                .Where(requirement => !requirement.Headers.Any(dropped.Contains))
                .Where(requirement => !server.Effective.Any(header => header.IsSent && requirement.IsMetBy(header)))
                .Select(requirement => requirement.Description)
                .ToList();
            if (missing.Count == 0)
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

        public Requirement(string description, IReadOnlyList<string> headers, Func<AddedHeader, bool> accepts)
        {
            Description = description;
            Headers = headers;
            this.accepts = accepts;
        }

        public string Description { get; }

        /// <summary>The headers that can meet the requirement.</summary>
        public IReadOnlyList<string> Headers { get; }

        public bool IsMetBy(AddedHeader header) => Headers.Any(header.Is) && accepts(header);
    }
}
