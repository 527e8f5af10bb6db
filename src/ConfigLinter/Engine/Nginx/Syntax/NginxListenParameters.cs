using System;
using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

/// <summary>
/// The parameters nginx accepts after the address of <c>listen</c>, in the http, stream and mail modules
/// together, as nginx.org documents them, plus the retired <c>spdy</c> and <c>default</c>. A word outside
/// this set is most often the next directive, pulled into <c>listen</c> by a missing <c>;</c>, and nginx
/// rejects it with <c>invalid parameter</c>.
/// </summary>
/// <remarks>NOTE: a parameter that a newer nginx adds is reported as invalid until it is listed here.</remarks>
internal static class NginxListenParameters
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal)
    {
        "default_server", "default", "ssl", "http2", "spdy", "quic", "http3", "proxy_protocol", "deferred",
        "bind", "reuseport", "udp", "multipath",
    };

    /// <summary>Parameters written as <c>name=value</c>.</summary>
    private static readonly HashSet<string> Settings = new(StringComparer.Ordinal)
    {
        "setfib", "fastopen", "backlog", "rcvbuf", "sndbuf", "accept_filter", "ipv6only", "so_keepalive",
    };

    /// <summary>Reports the first parameter nginx does not know, as nginx stops at the first one too.</summary>
    public static void Check(NginxDirective listen, DiagnosticBag diagnostics)
    {
        for (var i = 1; i < listen.Arguments.Count; i++)
        {
            var argument = listen.Arguments[i];
            if (IsKnown(argument.Text))
            {
                continue;
            }

            diagnostics.Notify(new LintNotification(
                NginxNotificationCodes.InvalidValue,
                NotificationLevel.Error,
                "invalid parameter \"" + argument.Text + "\"",
                argument.Location));
            return;
        }
    }

    private static bool IsKnown(string parameter)
    {
        var equals = parameter.IndexOf('=');
        return equals < 0 ? Flags.Contains(parameter) : Settings.Contains(parameter.Substring(0, equals));
    }
}
