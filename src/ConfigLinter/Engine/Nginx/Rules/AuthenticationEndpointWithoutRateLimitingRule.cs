using System;
using System.Collections.Generic;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>
/// NETSEC070 in nginx: a <c>location</c> whose path names a sign-in, token or password-reset endpoint, or
/// that is nested in one, and that no <c>limit_req</c> reaches. <c>limit_req</c> is an array directive:
/// a level with none takes the whole set of the level around it, so a location is limited exactly when
/// some level from it outwards has one.
/// </summary>
internal sealed class AuthenticationEndpointWithoutRateLimitingRule : INginxRule
{
    private const string Location = "location";

    /// <summary>The modifiers that may precede a location's URI or regular expression.</summary>
    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal) { "=", "^~", "~", "~*" };

    public RuleDefinition Rule => RuleCatalog.AuthenticationEndpointWithoutRateLimiting;

    public void Analyze(NginxRuleContext context)
    {
        var configuration = context.Configuration;
        var patterns = new AuthenticationPaths(context.Options.AuthenticationPathPatterns);

        // Location paths repeat across the servers of a configuration, and matching splits a path into words.
        var matches = new Dictionary<string, bool>(StringComparer.Ordinal);
        var locations = context.Index.Named(Location);
        for (var i = 0; i < locations.Count; i++)
        {
            var location = locations[i];
            if (!IsLocationBlock(location) || !NginxTree.IsInHttp(configuration, location) || !IsEndpoint(location) || !IsAuthentication(location, patterns, matches))
            {
                continue;
            }

            var limit = NginxInheritance.Find(configuration, location, "limit_req");
            var dryRun = NginxFlags.IsOn(NginxInheritance.Find(configuration, location, "limit_req_dry_run"));
            if (limit is null || dryRun)
            {
                var subject = location.ToDisplayString() + (limit is null ? string.Empty : " (limit_req_dry_run on only counts requests)");
                context.Report(Rule, Rule.FormatMessage(subject), location.NameToken.Location, location);
            }
        }
    }

    private static bool IsLocationBlock(NginxDirective directive) =>
        directive.Name == Location && directive.BlockKind == NginxBlockKind.Directives && directive.Arguments.Count > 0;

    /// <summary>
    /// Named (<c>@name</c>) and <c>internal</c> locations serve only nginx's own internal redirects, never a
    /// client's URI. A location whose <c>return</c> redirects or sends an error without a body runs no
    /// sign-in code that guessing could get through.
    /// </summary>
    private static bool IsEndpoint(NginxDirective location)
    {
        if (Path(location).StartsWith("@", StringComparison.Ordinal))
        {
            return false;
        }

        // Plain loops, because this runs for every location of the configuration.
        var children = location.Children;
        NginxDirective? response = null;
        for (var i = 0; i < children.Count; i++)
        {
            var directive = children[i];
            if (directive.HasBlock)
            {
                continue;
            }

            if (directive.Name == "internal")
            {
                return false;
            }

            if (response is null && directive.Name == "return")
            {
                response = directive;
            }
        }

        return response is null || NginxRedirects.Classify(response) == NginxPlainResponse.Content;
    }

    /// <summary>A location counts when its own path or that of a location it is nested in names a pattern.</summary>
    private static bool IsAuthentication(NginxDirective location, AuthenticationPaths patterns, Dictionary<string, bool> matches)
    {
        for (var level = location; level is not null && level.Name == Location; level = level.Parent)
        {
            var path = Path(level);
            if (!matches.TryGetValue(path, out var matched))
            {
                matched = patterns.Matches(path);
                matches.Add(path, matched);
            }

            if (matched)
            {
                return true;
            }
        }

        return false;
    }

    private static string Path(NginxDirective location) =>
        location.Arguments.Count > 1 && Modifiers.Contains(location.Arguments[0].Text)
            ? location.Arguments[1].Text
            : location.Arguments[0].Text;
}
