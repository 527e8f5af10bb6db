using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>
/// NETSEC033 in nginx: an <c>add_header Strict-Transport-Security</c> that some TLS server or location
/// sends, with a policy weaker than the configured minimum, a malformed policy that browsers ignore, or
/// without <c>always</c>. One finding per directive lists all its problems.
/// </summary>
internal sealed class HstsPolicyTooWeakRule : INginxRule
{
    public RuleDefinition Rule => RuleCatalog.HstsPolicyTooWeak;

    public void Analyze(NginxRuleContext context)
    {
        var minimum = context.Options.HstsMinimumMaxAge;

        // An http-level header that several servers inherit is one directive and gets one finding.
        var judged = new HashSet<NginxDirective>();

        // A snippet included by every server repeats one policy many times, so each policy is read once.
        var problemsByPolicy = new Dictionary<(string Value, bool Always), List<(string Problem, string Remedy)>>();
        var hstsBit = EffectiveHeaders.SecurityHeaderBit(EffectiveHeaders.Hsts);
        var servers = context.TlsServerHeaders;
        for (var s = 0; s < servers.Count; s++)
        {
            var scopes = servers[s];
            for (var j = 0; j < scopes.Count; j++)
            {
                // A scope that sends no HSTS header has nothing to judge, and one that sends its parent's set
                // has had every header judged with the parent, which comes first.
                var scope = scopes[j];
                var effective = scope.Effective;
                if ((scope.EffectiveSent & hstsBit) == 0 || (scope.Parent is not null && ReferenceEquals(effective, scope.Parent.Effective)))
                {
                    continue;
                }

                for (var i = 0; i < effective.Count; i++)
                {
                    var header = effective[i];
                    if (header.IsSent && header.Is(EffectiveHeaders.Hsts) && judged.Add(header.Directive))
                    {
                        Check(context, header, problemsByPolicy, minimum);
                    }
                }
            }
        }
    }

    private void Check(NginxRuleContext context, AddedHeader header, Dictionary<(string Value, bool Always), List<(string Problem, string Remedy)>> problemsByPolicy, long minimum)
    {
        var key = (header.Value.Text, header.Always);
        if (!problemsByPolicy.TryGetValue(key, out var problems))
        {
            problems = Problems(header, minimum);
            problemsByPolicy[key] = problems;
        }

        if (problems.Count > 0)
        {
            // Each problem brings its own fix, so the advice names only what this directive gets wrong.
            var subject = header.Directive.ToDisplayString() + " " + EffectiveHeaders.JoinNames(problems.Select(problem => problem.Problem).ToList());
            var remedy = EffectiveHeaders.JoinNames(problems.Select(problem => problem.Remedy).Distinct().ToList());
            var message = Rule.FormatMessage(subject, remedy);
            context.Report(Rule, message, header.Value.Location, header.Directive);
        }
    }

    /// <summary>
    /// Reads the policy as RFC 6797 section 6.1 defines it: directives separated by <c>;</c>, names
    /// compared without regard to case, a value that may be quoted, and no directive twice. A value with a
    /// variable is known only per request, so only <c>always</c> is checked then.
    /// </summary>
    private static List<(string Problem, string Remedy)> Problems(AddedHeader header, long minimum)
    {
        var problems = new List<(string Problem, string Remedy)>();
        if (!header.HasVariables)
        {
            CheckPolicy(header.Value.Text, minimum, problems);
        }

        if (!header.Always)
        {
            problems.Add(("is sent without always, so error responses lack it", "add always"));
        }

        return problems;
    }

    private static void CheckPolicy(string policy, long minimum, List<(string Problem, string Remedy)> problems)
    {
        var directives = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in policy.Split(';'))
        {
            var text = part.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var equals = text.IndexOf('=');
            var name = (equals < 0 ? text : text.Substring(0, equals)).Trim();
            var value = equals < 0 ? string.Empty : Unquote(text.Substring(equals + 1).Trim());
            if (directives.ContainsKey(name))
            {
                problems.Add(("repeats " + name + ", so browsers ignore the header", "give " + name + " only once"));
                return;
            }

            directives[name] = value;
        }

        var atLeast = "at least " + minimum.ToString(CultureInfo.InvariantCulture) + " seconds";
        if (!directives.TryGetValue("max-age", out var maxAge))
        {
            problems.Add(("has no max-age, so browsers ignore the header", "add max-age of " + atLeast));
            return;
        }

        if (maxAge.Length == 0 || !maxAge.All(character => character >= '0' && character <= '9'))
        {
            problems.Add(("has the invalid max-age \"" + maxAge + "\", so browsers ignore the header", "set max-age to a number of " + atLeast));
            return;
        }

        if (maxAge.TrimStart('0').Length == 0)
        {
            problems.Add(("sets max-age=0, which turns HSTS off because browsers forget the policy", "raise max-age to " + atLeast));
            return;
        }

        // A number too long for a long is far above any minimum.
        if (long.TryParse(maxAge, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < minimum)
        {
            problems.Add(("sets max-age below " + minimum.ToString(CultureInfo.InvariantCulture) + " seconds", "raise max-age to " + atLeast));
        }

        if (!directives.ContainsKey("includeSubDomains"))
        {
            var problem = directives.ContainsKey("preload") ? "sets preload without includeSubDomains" : "lacks includeSubDomains";
            problems.Add((problem, "add includeSubDomains"));
        }
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[value.Length - 1] == '"' ? value.Substring(1, value.Length - 2) : value;
}
