using System;
using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>One TLS-over-TCP socket of the http module and the virtual servers that listen on it.</summary>
internal sealed class NginxTlsSocket
{
    public NginxTlsSocket(string address, NginxDirective defaultServer, IReadOnlyList<NginxDirective> servers)
    {
        Address = address;
        DefaultServer = defaultServer;
        Servers = servers;
    }

    /// <summary>The address as nginx binds it, such as <c>0.0.0.0:443</c>, <c>[::]:443</c> or <c>unix:/run/tls.sock</c>.</summary>
    public string Address { get; }

    /// <summary>
    /// The server whose TLS settings the handshake on this socket uses: the one whose <c>listen</c> has
    /// <c>default_server</c> (or the older <c>default</c>), else the first in reading order.
    /// </summary>
    public NginxDirective DefaultServer { get; }

    /// <summary>Every server on the socket in reading order, the default server among them.</summary>
    public IReadOnlyList<NginxDirective> Servers { get; }
}

/// <summary>
/// The listen sockets of the http module's TLS servers. nginx sets up the TLS handshake of a connection with
/// the <c>ssl_protocols</c> and <c>ssl_ciphers</c> of the socket's default server. A name-based server that
/// SNI selects during the handshake brings its certificate but not its cipher list. Before nginx 1.29.2 it
/// does not bring its protocol list either. So those directives do not take effect in a server that is the
/// default of none of its sockets.
/// </summary>
/// <remarks>
/// nginx's CHANGES for 1.29.2: "now the ssl_protocols directive works in a virtual server different from the
/// default server when using OpenSSL 1.1.1 or newer". The linter assumes such an OpenSSL from that version on.
/// NOTE: ssl_ciphers of a name-based server is assumed to stay ignored in 1.29.2 and later, because that entry
/// names only ssl_protocols. This was not checked against nginx's source.
/// </remarks>
internal sealed class NginxListenSockets
{
    private const string DefaultHttpPort = "80";

    private static readonly Version ProtocolsPerServer = new(1, 29, 2);

    private readonly Dictionary<NginxDirective, List<NginxTlsSocket>> socketsByServer = new();

    // Thousands of servers listen on the same few addresses, so each written form is normalised once.
    private readonly Dictionary<string, string> normalizedAddresses = new(StringComparer.Ordinal);

    private NginxListenSockets()
    {
    }

    /// <summary>Groups the TLS servers of every http container by the sockets they listen on.</summary>
    public static NginxListenSockets Build(NginxConfiguration configuration, IReadOnlyList<NginxServer> servers)
    {
        var model = new NginxListenSockets();
        foreach (var group in GroupByContainer(configuration, servers))
        {
            model.AddContainer(group);
        }

        return model;
    }

    /// <summary>Returns whether nginx <paramref name="version"/> applies the TLS setting <paramref name="name"/> of each name-based server.</summary>
    public static bool AppliesPerServer(string name, Version version) =>
        name == "ssl_protocols" && version >= ProtocolsPerServer;

    /// <summary>Returns the TLS sockets a server listens on; empty for a server outside http or without TLS over TCP.</summary>
    public IReadOnlyList<NginxTlsSocket> SocketsOf(NginxDirective server) =>
        socketsByServer.TryGetValue(server, out var sockets) ? sockets : (IReadOnlyList<NginxTlsSocket>)Array.Empty<NginxTlsSocket>();

    /// <summary>
    /// Returns whether a server has TLS sockets and is the default server of none of them, so that the
    /// settings of other servers decide its handshakes.
    /// </summary>
    public bool IsHandshakeDecidedElsewhere(NginxDirective server)
    {
        var sockets = SocketsOf(server);
        if (sockets.Count == 0)
        {
            return false;
        }

        for (var i = 0; i < sockets.Count; i++)
        {
            if (sockets[i].DefaultServer == server)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Normalises a <c>listen</c> address the way nginx binds it: a bare port or <c>*:port</c> is
    /// <c>0.0.0.0:port</c>, an address without a port gets port 80, and host names and IPv6 literals are
    /// compared without regard to case. A unix socket stays as written.
    /// </summary>
    public static string Normalize(string listenAddress)
    {
        var address = NginxAddress.Parse(listenAddress);
        if (address.IsUnixSocket)
        {
            return address.Text;
        }

        var host = address.Host.Length == 0 || address.Host == "*" ? "0.0.0.0" : address.Host.ToLowerInvariant();
        return host + ":" + (address.Port ?? DefaultHttpPort);
    }

    private static IEnumerable<List<NginxServer>> GroupByContainer(NginxConfiguration configuration, IReadOnlyList<NginxServer> servers)
    {
        var groups = new Dictionary<IReadOnlyList<NginxDirective>, List<NginxServer>>();
        var order = new List<List<NginxServer>>();
        foreach (var server in servers)
        {
            if (!NginxTree.IsInHttp(configuration, server.Server))
            {
                continue;
            }

            if (!groups.TryGetValue(server.Enclosing, out var group))
            {
                group = new List<NginxServer>();
                groups[server.Enclosing] = group;
                order.Add(group);
            }

            group.Add(server);
        }

        return order;
    }

    private void AddContainer(List<NginxServer> servers)
    {
        var listenersByAddress = new Dictionary<string, List<(NginxDirective Server, bool IsDefault)>>(StringComparer.Ordinal);
        var addresses = new List<string>();
        foreach (var entry in servers)
        {
            var server = entry.Server;
            var everySocketIsTls = NginxTlsListeners.HasSslOn(entry);
            var children = server.Children;
            for (var i = 0; i < children.Count; i++)
            {
                var listen = children[i];
                if (listen.Name != "listen" || listen.HasBlock || listen.Arguments.Count == 0
                    || !(everySocketIsTls || NginxTlsListeners.IsTlsOverTcp(listen)))
                {
                    continue;
                }

                var written = listen.Arguments[0].Text;
                if (!normalizedAddresses.TryGetValue(written, out var address))
                {
                    address = Normalize(written);
                    normalizedAddresses.Add(written, address);
                }
                if (!listenersByAddress.TryGetValue(address, out var listeners))
                {
                    listeners = new List<(NginxDirective, bool)>();
                    listenersByAddress[address] = listeners;
                    addresses.Add(address);
                }

                listeners.Add((server, IsDefault(listen)));
            }
        }

        // A large configuration may have thousands of servers on port 443, so the servers of one socket are
        // deduplicated through a set rather than a scan of the list.
        var serversSeen = new HashSet<NginxDirective>();
        foreach (var address in addresses)
        {
            var listeners = listenersByAddress[address];
            serversSeen.Clear();
            // nginx rejects a second default_server on one socket, so the first one is the one it means.
            NginxDirective? defaultServer = null;
            var socketServers = new List<NginxDirective>();
            foreach (var (server, isDefault) in listeners)
            {
                if (isDefault && defaultServer is null)
                {
                    defaultServer = server;
                }

                if (serversSeen.Add(server))
                {
                    socketServers.Add(server);
                }
            }

            var socket = new NginxTlsSocket(address, defaultServer ?? listeners[0].Server, socketServers);
            foreach (var server in socketServers)
            {
                if (!socketsByServer.TryGetValue(server, out var sockets))
                {
                    sockets = new List<NginxTlsSocket>();
                    socketsByServer[server] = sockets;
                }

                sockets.Add(socket);
            }
        }
    }

    private static bool IsDefault(NginxDirective listen)
    {
        for (var i = 1; i < listen.Arguments.Count; i++)
        {
            if (listen.Arguments[i].Text is "default_server" or "default")
            {
                return true;
            }
        }

        return false;
    }
}
