using System;
using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>Which <c>listen</c> sockets of a server speak TLS, for the rules that judge TLS servers.</summary>
internal static class NginxTlsListeners
{
    /// <summary><c>listen</c> parameters of TLS over TCP.</summary>
    private static readonly HashSet<string> TcpParameters = new(StringComparer.Ordinal) { "ssl" };

    /// <summary><c>listen</c> parameters of any TLS socket: TCP, and QUIC (<c>http3</c> in the preview builds).</summary>
    private static readonly HashSet<string> AnyParameters = new(StringComparer.Ordinal) { "ssl", "quic", "http3" };

    /// <summary>Returns whether a <c>listen</c> directive opens a TLS socket over TCP.</summary>
    public static bool IsTlsOverTcp(NginxDirective listen) => HasParameter(listen, TcpParameters);

    /// <summary>Returns whether the old <c>ssl on</c>, in the server or around it, makes every socket of the server speak TLS.</summary>
    public static bool HasSslOn(in NginxServer entry) =>
        entry.EnclosingHasSslOn || AnySslOn(entry.Server.Children);

    /// <summary>Returns whether a <c>listen</c> directive opens a TLS or QUIC socket.</summary>
    public static bool IsEncrypted(NginxDirective listen) => HasParameter(listen, AnyParameters);

    /// <summary>
    /// Returns whether the server accepts TLS over TCP: a <c>listen ... ssl</c>, or the old <c>ssl on</c> in the
    /// server or around it. QUIC is left out because it always negotiates TLS 1.3, whatever the protocol
    /// directives set.
    /// </summary>
    public static bool AcceptsTlsOverTcp(in NginxServer entry) => Accepts(entry, TcpParameters);

    /// <summary>Returns whether the server accepts TLS in any form, QUIC included.</summary>
    public static bool AcceptsTls(in NginxServer entry) => Accepts(entry, AnyParameters);

    private static bool Accepts(in NginxServer entry, HashSet<string> parameters)
    {
        // Plain loops, because every rule calls this for every server and LINQ allocated on each call.
        var children = entry.Server.Children;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i].Name == "listen" && HasParameter(children[i], parameters))
            {
                return true;
            }
        }

        return HasSslOn(entry);
    }

    private static bool HasParameter(NginxDirective listen, HashSet<string> parameters)
    {
        var arguments = listen.Arguments;
        for (var i = 1; i < arguments.Count; i++)
        {
            if (parameters.Contains(arguments[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns whether a level has the old <c>ssl on</c>.</summary>
    public static bool AnySslOn(IReadOnlyList<NginxDirective> level)
    {
        for (var i = 0; i < level.Count; i++)
        {
            if (IsSslOn(level[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSslOn(NginxDirective directive) => directive.Name == "ssl" && NginxFlags.IsOn(directive);
}
