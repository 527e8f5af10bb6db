using System;
using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>
/// NETSEC030 in nginx: an http server that accepts plain HTTP on a non-loopback address and serves content
/// (a pass to an upstream, static files, a <c>return</c> with a body) instead of redirecting to
/// <c>https://</c>. Each content-serving location is reported on its content directive; the server itself
/// is reported when requests that match no location reach its <c>root</c>.
/// </summary>
internal sealed class HttpsNotEnforcedRule : INginxRule
{
    /// <summary>Marks the port of a server without <c>listen</c>, which the message names differently.</summary>
    private const string DefaultPort = "default";

    private const int MaxQuotedBody = 40;

    private const string AcmeChallengePath = "/.well-known/acme-challenge";

    /// <summary>Content handlers other than the passes to an upstream.</summary>
    private static readonly HashSet<string> ContentHandlers = new(StringComparer.Ordinal)
    {
        "content_by_lua", "content_by_lua_block", "content_by_lua_file", "js_content", "stub_status", "empty_gif", "perl",
    };

    public RuleDefinition Rule => RuleCatalog.HttpsNotEnforced;

    public void Analyze(NginxRuleContext context)
    {
        foreach (var entry in context.Servers)
        {
            var server = entry.Server;
            if (!NginxTree.IsInHttp(context.Configuration, server))
            {
                continue;
            }

            var ports = PlainHttpPorts(entry);
            if (ports is not null)
            {
                CheckServer(context, server, Describe(server, ports));
            }
        }
    }

    private void CheckServer(NginxRuleContext context, NginxDirective server, string serverDescription)
    {
        var (response, decidedBy) = NginxRedirects.Decide(server);
        if (response == NginxPlainResponse.Content)
        {
            Report(context, serverDescription + " (" + DescribeReturn(decidedBy!) + ")", decidedBy!);
        }

        if (response != NginxPlainResponse.Undecided)
        {
            return;
        }

        var locations = Locations(server).ToList();
        foreach (var location in locations)
        {
            CheckLocation(context, location, serverDescription);
        }

        if (!locations.Any(IsCatchAll))
        {
            var root = NginxInheritance.Find(context.Configuration, server, "root");
            Report(context, serverDescription + " (" + DescribeRoot(root, server) + ")", server);
        }
    }

    private void CheckLocation(NginxRuleContext context, NginxDirective location, string serverDescription)
    {
        if (IsAcmeChallenge(location))
        {
            return;
        }

        var subject = location.ToDisplayString();
        var (response, decidedBy) = NginxRedirects.Decide(location);
        if (response == NginxPlainResponse.Content)
        {
            Report(context, subject + " (" + DescribeReturn(decidedBy!) + ") in " + serverDescription, decidedBy!);
        }

        if (response != NginxPlainResponse.Undecided)
        {
            return;
        }

        var handler = ContentHandler(location);
        if (handler is not null)
        {
            Report(context, subject + " (" + handler.ToDisplayString() + ") in " + serverDescription, handler);
            return;
        }

        var nested = Locations(location).ToList();
        if (nested.Count > 0)
        {
            // NOTE: the URIs that match this location but none nested in it are served from its root; they are not judged.
            foreach (var inner in nested)
            {
                CheckLocation(context, inner, serverDescription);
            }

            return;
        }

        var own = location.Children.LastOrDefault(directive => (directive.Name == "root" || directive.Name == "alias") && !directive.HasBlock);
        if (own is not null)
        {
            Report(context, subject + " (" + own.ToDisplayString() + ") in " + serverDescription, own);
            return;
        }

        var inherited = NginxInheritance.Find(context.Configuration, location, "root");
        Report(context, subject + " (" + DescribeRoot(inherited, location) + ") in " + serverDescription, location);
    }

    private void Report(NginxRuleContext context, string subject, NginxDirective directive) =>
        context.Report(Rule, Rule.FormatMessage(subject), directive.NameToken.Location, directive);

    /// <summary>
    /// Returns the plain-HTTP ports of a server that are reachable from other machines, or null when it has
    /// none. A server without <c>listen</c> listens on port 80 when nginx runs as root (8000 otherwise);
    /// the rule takes 80. With the old <c>ssl on</c>, every socket of the server speaks TLS.
    /// </summary>
    private static IReadOnlyList<string>? PlainHttpPorts(in NginxServer entry)
    {
        var server = entry.Server;
        if (NginxTlsListeners.HasSslOn(entry))
        {
            return null;
        }

        // Loops rather than LINQ, because every server of every configuration comes through here.
        var children = server.Children;
        var hasListen = false;
        List<string>? ports = null;
        for (var i = 0; i < children.Count; i++)
        {
            var listen = children[i];
            if (listen.Name != "listen" || listen.HasBlock || listen.Arguments.Count == 0)
            {
                continue;
            }

            hasListen = true;
            if (NginxTlsListeners.IsEncrypted(listen))
            {
                continue;
            }

            var address = NginxAddress.Parse(listen.Arguments[0].Text);
            var port = address.Port ?? "80";
            if (!address.IsLoopback && (ports is null || !ports.Contains(port)))
            {
                (ports ??= new List<string>()).Add(port);
            }
        }

        return hasListen ? ports : new[] { DefaultPort };
    }

    private static string Describe(NginxDirective server, IReadOnlyList<string> ports)
    {
        var name = server.Children.FirstOrDefault(directive => directive.Name == "server_name" && directive.Arguments.Count > 0)?.Arguments[0].Text;
        var label = string.IsNullOrEmpty(name) || name == "_" ? "the server" : "server " + name;
        if (ports.Count == 1 && ports[0] == DefaultPort)
        {
            return label + " on nginx's default port 80";
        }

        return label + (ports.Count == 1 ? " on port " + ports[0] : " on ports " + string.Join(", ", ports));
    }

    /// <summary>Quotes a <c>return</c> with its body shortened to one line, as a body may be a whole page.</summary>
    private static string DescribeReturn(NginxDirective directive)
    {
        if (directive.Name != "return" || directive.Arguments.Count < 2)
        {
            return directive.ToDisplayString();
        }

        var body = directive.Arguments[1].Text.Replace("\r", "\\r").Replace("\n", "\\n");
        body = body.Length > MaxQuotedBody ? body.Substring(0, MaxQuotedBody) + "..." : body;
        return "return " + directive.Arguments[0].Text + " \"" + body + "\"";
    }

    private static string DescribeRoot(NginxDirective? root, NginxDirective block) =>
        root is null ? "root html, nginx's default"
        : root.Parent == block ? root.ToDisplayString()
        : root.ToDisplayString() + " from an outer block";

    private static IEnumerable<NginxDirective> Locations(NginxDirective block) =>
        block.Children.Where(directive => directive.Name == "location" && directive.BlockKind == NginxBlockKind.Directives);

    /// <summary>Returns the first pass or content handler of a location, also inside its <c>if</c> and <c>limit_except</c> blocks.</summary>
    private static NginxDirective? ContentHandler(NginxDirective location) =>
        location.Children
            .SelectMany(directive => directive.Name is "if" or "limit_except" ? directive.Children : new[] { directive })
            .FirstOrDefault(directive => NginxPasses.IsPass(directive) || ContentHandlers.Contains(directive.Name));

    /// <summary><c>location /</c> or <c>location ^~ /</c> matches every URI that no other location takes.</summary>
    private static bool IsCatchAll(NginxDirective location) =>
        location.Arguments.Count > 0
        && location.Arguments[location.Arguments.Count - 1].Text == "/"
        && (location.Arguments.Count == 1 || location.Arguments[0].Text == "^~");

    /// <summary>Certificate authorities fetch HTTP-01 challenges over plain HTTP, so serving them there is required.</summary>
    private static bool IsAcmeChallenge(NginxDirective location)
    {
        if (location.Arguments.Count == 0)
        {
            return false;
        }

        var path = location.Arguments[location.Arguments.Count - 1].Text.TrimStart('^').Replace("\\.", ".");
        return path.StartsWith(AcmeChallengePath, StringComparison.Ordinal);
    }
}
