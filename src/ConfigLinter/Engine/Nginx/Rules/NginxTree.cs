using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>Ways of walking a configuration that the rules share.</summary>
internal static class NginxTree
{
    /// <summary>The blocks whose <c>server</c> blocks are virtual servers.</summary>
    public static readonly string[] ServerContainerNames = { "http", "stream", "mail" };

    private static readonly HashSet<string> ServerContainers = new(ServerContainerNames);

    /// <summary>
    /// Returns every virtual server (<c>server { }</c> in http, stream or mail) with the directives of the
    /// block around it, which it inherits from. An http snippet's top-level servers count too.
    /// </summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="containers">Its <c>http</c>, <c>stream</c> and <c>mail</c> directives, in reading order.</param>
    public static IReadOnlyList<NginxServer> Servers(NginxConfiguration configuration, IReadOnlyList<NginxDirective> containers)
    {
        var servers = new List<NginxServer>();
        if (configuration.Context == NginxContext.Http)
        {
            AddServers(configuration.Directives, servers);
        }

        foreach (var directive in containers)
        {
            if (IsServerContainer(directive))
            {
                AddServers(directive.Children, servers);
            }
        }

        return servers;
    }

    private static void AddServers(IReadOnlyList<NginxDirective> level, List<NginxServer> servers)
    {
        // Every server of the level needs to know whether the level has the old "ssl on". An http block that
        // includes many sites is long, so the level is scanned once here rather than once per server.
        bool? levelHasSslOn = null;
        for (var i = 0; i < level.Count; i++)
        {
            var directive = level[i];
            if (IsServerBlock(directive))
            {
                levelHasSslOn ??= NginxTlsListeners.AnySslOn(level);
                servers.Add(new NginxServer(directive, level, levelHasSslOn.Value));
            }
        }
    }

    /// <summary>
    /// Returns whether a directive is part of the http module's configuration: inside an <c>http</c> block,
    /// or anywhere in a snippet, which the reader takes as part of <c>http</c>.
    /// </summary>
    public static bool IsInHttp(NginxConfiguration configuration, NginxDirective directive)
    {
        if (configuration.Context != NginxContext.Main)
        {
            return true;
        }

        var outermost = directive;
        while (outermost.Parent is not null)
        {
            outermost = outermost.Parent;
        }

        return outermost.Name == "http";
    }

    /// <summary>Returns the <c>server</c> block a directive is in, at any depth, or null outside any server.</summary>
    public static NginxDirective? EnclosingServer(NginxDirective directive)
    {
        var block = directive.Parent;
        while (block is not null && block.Name != "server")
        {
            block = block.Parent;
        }

        return block;
    }

    /// <summary>Returns whether a block is <c>http</c>, <c>stream</c> or <c>mail</c>, whose <c>server</c> blocks are virtual servers.</summary>
    public static bool IsServerContainer(NginxDirective directive) =>
        directive.BlockKind == NginxBlockKind.Directives && ServerContainers.Contains(directive.Name);

    public static bool IsServerBlock(NginxDirective directive) =>
        directive.Name == "server" && directive.BlockKind == NginxBlockKind.Directives;

}

/// <summary>A virtual server and the directives of the block around it, which it inherits from.</summary>
internal readonly struct NginxServer
{
    public NginxServer(NginxDirective server, IReadOnlyList<NginxDirective> enclosing, bool enclosingHasSslOn)
    {
        Server = server;
        Enclosing = enclosing;
        EnclosingHasSslOn = enclosingHasSslOn;
    }

    public NginxDirective Server { get; }

    public IReadOnlyList<NginxDirective> Enclosing { get; }

    /// <summary>Whether the block around the server has the old <c>ssl on</c>, which the server inherits.</summary>
    public bool EnclosingHasSslOn { get; }

    public void Deconstruct(out NginxDirective server, out IReadOnlyList<NginxDirective> enclosing)
    {
        server = Server;
        enclosing = Enclosing;
    }
}
