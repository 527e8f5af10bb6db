using System;
using System.Collections.Generic;
using System.IO;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>
/// The configuration a rule analyzes, the lint options, and the bag its findings go to. The views of the tree
/// that several rules read (the directives they look for by name, every server, the TLS servers' headers, the
/// cipher strings) are built once here, so that each rule reads them instead of walking the whole tree again.
/// </summary>
internal sealed class NginxRuleContext
{
    private readonly DiagnosticBag diagnostics;
    private readonly Dictionary<NginxFile, IReadOnlyList<RelatedLocation>> includeChains = new();
    private readonly Dictionary<(NginxDirective Server, string Name), IReadOnlyList<RelatedLocation>> ignoredSettings = new();
    private NginxDirectiveIndex? index;
    private IReadOnlyList<NginxServer>? servers;
    private IReadOnlyList<IReadOnlyList<HeaderScope>>? tlsServerHeaders;
    private IReadOnlyList<NginxCipherDirective>? cipherDirectives;
    private NginxListenSockets? listenSockets;

    public NginxRuleContext(NginxConfiguration configuration, LintOptions options, DiagnosticBag diagnostics)
    {
        Configuration = configuration;
        Options = options;
        this.diagnostics = diagnostics;
    }

    public NginxConfiguration Configuration { get; }

    public LintOptions Options { get; }

    /// <summary>The directives the rules look for, by name, as <see cref="NginxDirectiveIndex"/> keeps them.</summary>
    public NginxDirectiveIndex Index => index ??= new NginxDirectiveIndex(Configuration);

    /// <summary>Every virtual server with the directives of the block around it, as <see cref="NginxTree.Servers"/> returns them.</summary>
    public IReadOnlyList<NginxServer> Servers => servers ??= NginxTree.Servers(Configuration, Index.Named(NginxTree.ServerContainerNames));

    /// <summary>The header scopes of each TLS server of the http module, as <see cref="EffectiveHeaders.TlsServers"/> returns them.</summary>
    public IReadOnlyList<IReadOnlyList<HeaderScope>> TlsServerHeaders => tlsServerHeaders ??= EffectiveHeaders.TlsServers(this);

    /// <summary>Every cipher directive with its evaluated string, rejected strings included.</summary>
    public IReadOnlyList<NginxCipherDirective> CipherDirectives => cipherDirectives ??= NginxCipherLists.Evaluate(Index.Named(NginxCipherLists.CipherDirectiveNames));

    /// <summary>The TLS sockets of the http module's servers and their default servers.</summary>
    public NginxListenSockets ListenSockets => listenSockets ??= NginxListenSockets.Build(Configuration, Servers);

    /// <summary>
    /// Returns whether a TLS handshake setting (<c>ssl_protocols</c>, <c>ssl_ciphers</c>) is written in a
    /// server whose sockets all have another default server, so that nginx never uses it.
    /// </summary>
    public bool IsIgnoredHandshakeSetting(NginxDirective directive) =>
        directive.Parent is { } server && NginxTree.IsServerBlock(server) && IsHandshakeDecidedElsewhere(server, directive.Name);

    /// <summary>
    /// Returns whether nginx negotiates the TLS setting <paramref name="name"/> of a server's connections with
    /// another server's value: the server is the default of none of its TLS sockets, and the target nginx
    /// version does not apply that setting per name-based server.
    /// </summary>
    public bool IsHandshakeDecidedElsewhere(NginxDirective server, string name) =>
        !NginxListenSockets.AppliesPerServer(name, Options.NginxVersion) && ListenSockets.IsHandshakeDecidedElsewhere(server);

    /// <summary>
    /// Returns a related location for each <paramref name="name"/> directive that a name-based server on a
    /// socket of <paramref name="defaultServer"/> sets and nginx ignores, because the default server's
    /// setting decides the handshake there.
    /// </summary>
    public IReadOnlyList<RelatedLocation> IgnoredHandshakeSettings(NginxDirective? defaultServer, string name)
    {
        if (defaultServer is null || NginxListenSockets.AppliesPerServer(name, Options.NginxVersion))
        {
            return Array.Empty<RelatedLocation>();
        }

        // Several rules request this for the same default server, and working it out walks every server on its sockets.
        var key = (defaultServer, name);
        if (!ignoredSettings.TryGetValue(key, out var related))
        {
            related = FindIgnoredHandshakeSettings(defaultServer, name);
            ignoredSettings.Add(key, related);
        }

        return related;
    }

    private IReadOnlyList<RelatedLocation> FindIgnoredHandshakeSettings(NginxDirective defaultServer, string name)
    {
        var related = new List<RelatedLocation>();

        // A socket can have hundreds of name-based servers, and few of them set the directive themselves.
        var blocksWithSetting = new HashSet<NginxDirective>();
        foreach (var setting in Index.Named(name))
        {
            if (setting.Parent is not null)
            {
                blocksWithSetting.Add(setting.Parent);
            }
        }

        var sockets = ListenSockets.SocketsOf(defaultServer);
        for (var i = 0; i < sockets.Count; i++)
        {
            var socket = sockets[i];
            if (socket.DefaultServer != defaultServer)
            {
                continue;
            }

            foreach (var server in socket.Servers)
            {
                if (server == defaultServer || !blocksWithSetting.Contains(server) || !IsHandshakeDecidedElsewhere(server, name))
                {
                    continue;
                }

                foreach (var directive in server.Children)
                {
                    if (directive.Name == name && !directive.HasBlock)
                    {
                        related.Add(new RelatedLocation(
                            directive.Location,
                            "\"" + directive.ToDisplayString() + "\" is ignored: this server shares " + socket.Address + " with the default server, whose setting decides the TLS handshake"));
                    }
                }
            }
        }

        return related;
    }

    /// <summary>
    /// Reports a finding in the file the directive is written in, with the <c>include</c> directives that
    /// pulled that file in as related locations, outermost first. Each names the file it includes by file
    /// name only, because an absolute path would differ between machines and the location already shows
    /// where the include is.
    /// </summary>
    /// <param name="notes">Further related locations, listed after the include chain.</param>
    public void Report(RuleDefinition rule, string message, SourceLocation location, NginxDirective directive, IReadOnlyList<RelatedLocation>? notes = null)
    {
        var chain = IncludeChainOf(directive.File);
        IReadOnlyList<RelatedLocation> related = chain;
        if (notes is not null && notes.Count > 0)
        {
            var list = new List<RelatedLocation>(chain.Count + notes.Count);
            list.AddRange(chain);
            list.AddRange(notes);
            related = list;
        }

        diagnostics.Report(new Finding(rule, message, location, related));
    }

    /// <summary>
    /// Returns the related locations of a file's include chain. Every finding in a file shares them, and
    /// they never change, so they are built once per file rather than once per finding.
    /// </summary>
    private IReadOnlyList<RelatedLocation> IncludeChainOf(NginxFile file)
    {
        if (includeChains.TryGetValue(file, out var related))
        {
            return related;
        }

        var chain = file.IncludeChain;
        var locations = new RelatedLocation[chain.Count];
        for (var i = 0; i < chain.Count; i++)
        {
            var includedFile = i + 1 < chain.Count ? chain[i + 1].FilePath : file.Path;
            locations[i] = new RelatedLocation(chain[i].Location, "\"" + Path.GetFileName(includedFile) + "\" is included here");
        }

        includeChains[file] = locations;
        return locations;
    }

    public void ReportInvalidValue(NginxToken token) =>
        ReportInvalidValue(token, "invalid value \"" + token.Text + "\"");

    /// <summary>Reports a value nginx rejects at start-up, with the message nginx would give.</summary>
    public void ReportInvalidValue(NginxToken token, string message) =>
        diagnostics.Notify(new LintNotification(
            NginxNotificationCodes.InvalidValue,
            NotificationLevel.Error,
            message,
            token.Location));
}
