using System;
using System.Collections.Generic;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>
/// NETSEC031 in nginx: <c>proxy_pass http://</c> or <c>grpc_pass grpc://</c> (or a <c>grpc_pass</c> without
/// a scheme, which is plain gRPC) to a host that is not loopback, directly or through an <c>upstream</c>
/// block with at least one such server. A host with a variable is decided at run time and not judged, and
/// a pass in a server whose own <c>return</c> responds to every request is never used.
/// </summary>
internal sealed class ClearTextUpstreamRule : INginxRule
{
    private static readonly (string Pass, string Scheme)[] ClearTextPasses =
    {
        ("proxy_pass", "http://"),
        ("grpc_pass", "grpc://"),
    };

    public RuleDefinition Rule => RuleCatalog.ClearTextHttpToRemoteHost;

    public void Analyze(NginxRuleContext context)
    {
        var configuration = context.Configuration;
        // When two upstreams share a name, the first one counts.
        var upstreams = new Dictionary<string, NginxDirective>(StringComparer.OrdinalIgnoreCase);
        var upstreamBlocks = context.Index.Named("upstream");
        for (var i = 0; i < upstreamBlocks.Count; i++)
        {
            var directive = upstreamBlocks[i];
            if ( directive.Arguments.Count == 1 && directive.HasBlock && !upstreams.ContainsKey(directive.Arguments[0].Text))
            {
                upstreams.Add(directive.Arguments[0].Text, directive);
            }
        }

        // A server's rewrite directives are the same for every pass in it, so each server is judged once.
        var unreachableByServer = new Dictionary<NginxDirective, bool>();

        // Many passes name the same upstream, so the servers of each are parsed once.
        var remoteByUpstream = new Dictionary<NginxDirective, string?>();

        // Many passes repeat the same URL, and where it points depends only on its text and the upstreams.
        var remoteByUrl = new Dictionary<string, string?>(StringComparer.Ordinal);
        var passes = context.Index.Named(NginxPasses.PassNames);
        for (var i = 0; i < passes.Count; i++)
        {
            var directive = passes[i];
            if (!NginxPasses.IsPass(directive) || !IsClearText(directive) || !NginxTree.IsInHttp(configuration, directive) || IsUnreachable(directive, unreachableByServer))
            {
                continue;
            }

            var url = directive.Arguments[0];
            if (!remoteByUrl.TryGetValue(url.Text, out var remote))
            {
                remote = RemoteTarget(NginxAddress.FromUrl(url.Text), upstreams, remoteByUpstream);
                remoteByUrl.Add(url.Text, remote);
            }

            if (remote is not null)
            {
                // nginx spells the TLS form of a gRPC pass grpcs://, not https://.
                var remedy = directive.Name == "grpc_pass" ? "use grpcs://" : "use https://";
                context.Report(Rule, Rule.FormatMessage(directive.ToDisplayString(), remote, remedy), url.Location, directive);
            }
        }
    }

    private static bool IsUnreachable(NginxDirective directive, Dictionary<NginxDirective, bool> unreachableByServer)
    {
        var server = NginxTree.EnclosingServer(directive);
        if (server is null)
        {
            return false;
        }

        if (!unreachableByServer.TryGetValue(server, out var unreachable))
        {
            unreachable = NginxRedirects.ReturnsBeforeLocations(server);
            unreachableByServer[server] = unreachable;
        }

        return unreachable;
    }

    private static bool IsClearText(NginxDirective directive)
    {
        var url = directive.Arguments[0].Text;
        foreach (var (pass, scheme) in ClearTextPasses)
        {
            if (pass == directive.Name && url.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return directive.Name == "grpc_pass" && url.IndexOf("://", StringComparison.Ordinal) < 0;
    }

    /// <summary>
    /// Returns how the message names the remote host the requests go to, or null when they stay on this
    /// machine or cannot be judged. nginx looks a URL's host up among the <c>upstream</c> blocks first.
    /// </summary>
    private static string? RemoteTarget(NginxAddress address, IReadOnlyDictionary<string, NginxDirective> upstreams, Dictionary<NginxDirective, string?> remoteByUpstream)
    {
        if (address.HasVariable || address.IsLoopback)
        {
            return null;
        }

        if (address.Port is null && upstreams.TryGetValue(address.Host, out var upstream))
        {
            if (!remoteByUpstream.TryGetValue(upstream, out var remoteServer))
            {
                remoteServer = FirstRemoteServer(upstream);
                remoteByUpstream[upstream] = remoteServer;
            }

            return remoteServer is null ? null : "upstream " + address.Host + " (server " + remoteServer + ")";
        }

        return address.Text;
    }

    /// <summary>Returns the address of the first server of an upstream block that is not loopback, or null.</summary>
    private static string? FirstRemoteServer(NginxDirective upstream)
    {
        var servers = upstream.Children;
        for (var i = 0; i < servers.Count; i++)
        {
            var server = servers[i];
            if (server.Name == "server" && server.Arguments.Count > 0 && !NginxAddress.Parse(server.Arguments[0].Text).IsLoopback)
            {
                return server.Arguments[0].Text;
            }
        }

        return null;
    }
}
