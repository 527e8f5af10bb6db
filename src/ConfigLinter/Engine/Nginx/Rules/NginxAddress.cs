using System;
using System.Globalization;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>
/// The host and port of an address as nginx writes it in <c>listen</c>, in an upstream's <c>server</c> and
/// after the scheme of a pass URL: <c>host</c>, <c>host:port</c>, <c>[v6]:port</c>, <c>*:port</c>, a bare
/// port, or <c>unix:/path</c>.
/// </summary>
internal readonly struct NginxAddress
{
    /// <summary>The characters that end a URL's address and start its URI.</summary>
    private static readonly char[] UriStarts = { '/', '?' };

    private NginxAddress(string text, string host, string? port)
    {
        Text = text;
        Host = host;
        Port = port;
    }

    /// <summary>The address as written, without the scheme and the URI path.</summary>
    public string Text { get; }

    /// <summary>The host, with the brackets of an IPv6 literal; empty for a bare port; <c>unix:</c> for a socket.</summary>
    public string Host { get; }

    /// <summary>The port as written, or null when the address has none.</summary>
    public string? Port { get; }

    public bool IsUnixSocket => Host == "unix:";

    /// <summary>Returns whether the host contains a variable, so only run time decides where it points.</summary>
    public bool HasVariable => Text.IndexOf('$') >= 0;

    /// <summary>
    /// Returns whether the address stays on this machine: a unix socket, <c>localhost</c>, 127.0.0.0/8 or
    /// <c>[::1]</c>. Host names other than <c>localhost</c> are taken as remote, because only DNS resolves them.
    /// </summary>
    public bool IsLoopback =>
        IsUnixSocket
        || string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || Host == "[::1]"
        || IsIPv4Loopback(Host);

    /// <summary>Reads the address part of a URL such as <c>http://app:8080/path</c>, after its scheme.</summary>
    public static NginxAddress FromUrl(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? url : url.Substring(schemeEnd + 3);
        if (rest.StartsWith("unix:", StringComparison.OrdinalIgnoreCase))
        {
            // nginx ends the socket path of a URL at the colon that starts the URI.
            var pathEnd = rest.IndexOf(':', "unix:".Length);
            return new NginxAddress(pathEnd < 0 ? rest : rest.Substring(0, pathEnd), "unix:", null);
        }

        var end = rest.IndexOfAny(UriStarts);
        return Parse(end < 0 ? rest : rest.Substring(0, end));
    }

    /// <summary>Reads an address written without a scheme, as in <c>listen</c> or an upstream's <c>server</c>.</summary>
    public static NginxAddress Parse(string text)
    {
        if (text.StartsWith("unix:", StringComparison.OrdinalIgnoreCase))
        {
            return new NginxAddress(text, "unix:", null);
        }

        if (text.StartsWith("[", StringComparison.Ordinal))
        {
            var close = text.IndexOf(']');
            if (close > 0)
            {
                var host = text.Substring(0, close + 1);
                var hasPort = close + 1 < text.Length && text[close + 1] == ':';
                return new NginxAddress(text, host, hasPort ? text.Substring(close + 2) : null);
            }
        }

        var colon = text.LastIndexOf(':');
        if (colon >= 0)
        {
            return new NginxAddress(text, text.Substring(0, colon), text.Substring(colon + 1));
        }

        return IsNumber(text) ? new NginxAddress(text, string.Empty, text) : new NginxAddress(text, text, null);
    }

    private static bool IsIPv4Loopback(string host)
    {
        // Most hosts are names or other addresses, which need no split to reject.
        if (!host.StartsWith("127.", StringComparison.Ordinal))
        {
            return false;
        }

        // The parts are read as spans, because every server of every upstream block comes through here.
        var rest = host.AsSpan();
        for (var part = 0; part < 4; part++)
        {
            var dot = rest.IndexOf('.');
            var isLast = part == 3;
            if (isLast != (dot < 0))
            {
                return false;
            }

            var text = isLast ? rest : rest.Slice(0, dot);
            if (!IsOctet(text))
            {
                return false;
            }

            rest = isLast ? ReadOnlySpan<char>.Empty : rest.Slice(dot + 1);
        }

        return true;
    }

    private static bool IsNumber(string text) =>
        text.Length > 0 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    /// <summary>Returns whether the text is a decimal number from 0 to 255, leading zeros allowed, as an IPv4 part.</summary>
    private static bool IsOctet(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        var value = 0;
        foreach (var ch in text)
        {
            if (ch < '0' || ch > '9')
            {
                return false;
            }

            value = (value * 10) + (ch - '0');
            if (value > 255)
            {
                return false;
            }
        }

        return true;
    }
}
