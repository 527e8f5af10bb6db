using System;
using System.Globalization;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>What a block's rewrite-module directives do with a plain-HTTP request before any content is served.</summary>
internal enum NginxPlainResponse
{
    /// <summary>No directive at this level decides: the request goes on to locations or content handlers.</summary>
    Undecided,

    /// <summary>A redirect to an <c>https://</c> URL.</summary>
    RedirectToHttps,

    /// <summary>A redirect elsewhere, or a response without the site's content: 444, or an error code without text.</summary>
    NoContent,

    /// <summary>A <c>return</c> that sends a body: a 2xx code, or any other non-redirect code with text.</summary>
    Content,
}

/// <summary>
/// Reads the rewrite-module directives at one level (<c>server</c> or <c>location</c>) the way nginx runs
/// them for a plain-HTTP request: <c>return</c>, <c>rewrite</c> to an absolute <c>https://</c> URL, and
/// <c>if</c> blocks that test <c>$scheme</c> (or <c>$http_x_forwarded_proto</c>, set by a TLS-terminating
/// proxy in front) and redirect.
/// </summary>
internal static class NginxRedirects
{
    private static readonly string[] CatchAllPatterns = { "^", "^.*", "^.*$", "^(.*)", "^(.*)$", "^/(.*)", "^/(.*)$", "^/.*", "^/.*$", ".*", "(.*)", "/", "^/" };

    /// <summary>
    /// Returns the first directive at this level that decides the response to every plain-HTTP request, and
    /// what it does, or <see cref="NginxPlainResponse.Undecided"/> with null.
    /// </summary>
    public static (NginxPlainResponse Response, NginxDirective? Directive) Decide(NginxDirective block)
    {
        foreach (var directive in block.Children)
        {
            var response = directive.Name switch
            {
                "return" when !directive.HasBlock => Classify(directive),
                "rewrite" when IsCatchAllRedirectToHttps(directive) => NginxPlainResponse.RedirectToHttps,
                "if" when directive.HasBlock && TestsForPlainHttp(directive) => Decide(directive).Response,
                _ => NginxPlainResponse.Undecided,
            };

            if (response != NginxPlainResponse.Undecided)
            {
                return (response, directive);
            }
        }

        return (NginxPlainResponse.Undecided, null);
    }

    /// <summary>
    /// Returns whether a <c>server</c> responds to every request with its own <c>return</c>. nginx runs a
    /// server's rewrite directives before it picks a location, so such a server never reaches the
    /// directives in its locations. A <c>rewrite</c>, <c>if</c> or <c>break</c> before the <c>return</c> may
    /// divert the request or stop the rewrite directives, so only a <c>return</c> that none precedes counts.
    /// </summary>
    public static bool ReturnsBeforeLocations(NginxDirective server)
    {
        var children = server.Children;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (child.Name == "return" && !child.HasBlock && child.Arguments.Count > 0)
            {
                return true;
            }

            if (child.Name is "rewrite" or "if" or "break")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Classifies <c>return code [text|URL]</c> and <c>return URL</c>. nginx sends 301, 302, 303, 307 and
    /// 308 as redirects to the URL that follows, and the other codes with the text as the body.
    /// </summary>
    public static NginxPlainResponse Classify(NginxDirective directive)
    {
        var arguments = directive.Arguments;
        if (arguments.Count == 0)
        {
            return NginxPlainResponse.Undecided;
        }

        if (!int.TryParse(arguments[0].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return IsHttpsUrl(arguments[0].Text) ? NginxPlainResponse.RedirectToHttps : NginxPlainResponse.NoContent;
        }

        if (code is 301 or 302 or 303 or 307 or 308)
        {
            return arguments.Count > 1 && IsHttpsUrl(arguments[1].Text) ? NginxPlainResponse.RedirectToHttps : NginxPlainResponse.NoContent;
        }

        return code < 300 || arguments.Count > 1 ? NginxPlainResponse.Content : NginxPlainResponse.NoContent;
    }

    /// <summary>
    /// nginx sends a redirect when the replacement of <c>rewrite</c> starts with <c>https://</c>,
    /// whatever the flag. Only a pattern that matches every URI redirects every request.
    /// </summary>
    private static bool IsCatchAllRedirectToHttps(NginxDirective directive) =>
        !directive.HasBlock
        && directive.Arguments.Count >= 2
        && CatchAllPatterns.Contains(directive.Arguments[0].Text)
        && IsHttpsUrl(directive.Arguments[1].Text);

    /// <summary>
    /// Returns whether an <c>if</c> condition holds for plain-HTTP requests: <c>$scheme = http</c>,
    /// <c>$scheme != https</c>, and the same tests of <c>$http_x_forwarded_proto</c>. nginx strips the
    /// parentheses from the first and last argument, which may also stand alone.
    /// </summary>
    private static bool TestsForPlainHttp(NginxDirective directive)
    {
        var condition = string.Join(" ", directive.Arguments.Select(argument => argument.Text)).Trim();
        if (!condition.StartsWith("(", StringComparison.Ordinal) || !condition.EndsWith(")", StringComparison.Ordinal))
        {
            return false;
        }

        var words = condition.Substring(1, condition.Length - 2).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 3 || (words[0] != "$scheme" && words[0] != "$http_x_forwarded_proto"))
        {
            return false;
        }

        var value = words[2].Trim('"', '\'');
        return (words[1] == "=" && value == "http") || (words[1] == "!=" && value == "https");
    }

    private static bool IsHttpsUrl(string text) => text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
