using System;
using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Network;

namespace NetSecAnalyzers.ConfigLinter.Firewall;

/// <summary>
/// The service names ufw and iptables resolve through <c>/etc/services</c>, and the ufw application profiles
/// Debian and Ubuntu packages install, for the names a firewall rule may use in place of a port.
/// </summary>
internal static class WellKnownPorts
{
    public const int Ssh = 22;

    /// <summary>Entries of Debian's <c>/etc/services</c> (netbase 6.4) that name a port a rule may open.</summary>
    private static readonly Dictionary<string, (int Port, string? Protocol)> Services = new(StringComparer.Ordinal)
    {
        ["ftp"] = (21, "tcp"),
        ["ssh"] = (22, "tcp"),
        ["telnet"] = (23, "tcp"),
        ["smtp"] = (25, "tcp"),
        ["domain"] = (53, null),
        ["http"] = (80, "tcp"),
        ["www"] = (80, "tcp"),
        ["pop3"] = (110, "tcp"),
        ["imap"] = (143, "tcp"),
        ["https"] = (443, "tcp"),
        ["submission"] = (587, "tcp"),
        ["imaps"] = (993, "tcp"),
        ["pop3s"] = (995, "tcp"),
        ["ms-sql-s"] = (1433, "tcp"),
        ["mysql"] = (3306, "tcp"),
        ["postgresql"] = (5432, "tcp"),
        ["postgres"] = (5432, "tcp"),
        ["redis"] = (6379, "tcp"),
        ["memcache"] = (11211, null),
        ["mongodb"] = (27017, "tcp"),
    };

    /// <summary>
    /// Ports of the application profiles that ship with Debian and Ubuntu packages (openssh-server, nginx,
    /// apache2 and ufw's own). A profile not listed here has unknown ports.
    /// </summary>
    private static readonly Dictionary<string, (PortRange[] Ports, string? Protocol)> Profiles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["OpenSSH"] = (new[] { new PortRange(22, 22) }, "tcp"),
        ["SSH"] = (new[] { new PortRange(22, 22) }, "tcp"),
        ["WWW"] = (new[] { new PortRange(80, 80) }, "tcp"),
        ["WWW Secure"] = (new[] { new PortRange(443, 443) }, "tcp"),
        ["WWW Full"] = (new[] { new PortRange(80, 80), new PortRange(443, 443) }, "tcp"),
        ["Nginx HTTP"] = (new[] { new PortRange(80, 80) }, "tcp"),
        ["Nginx HTTPS"] = (new[] { new PortRange(443, 443) }, "tcp"),
        ["Nginx Full"] = (new[] { new PortRange(80, 80), new PortRange(443, 443) }, "tcp"),
        ["Apache"] = (new[] { new PortRange(80, 80) }, "tcp"),
        ["Apache Secure"] = (new[] { new PortRange(443, 443) }, "tcp"),
        ["Apache Full"] = (new[] { new PortRange(80, 80), new PortRange(443, 443) }, "tcp"),
        ["PostgreSQL"] = (new[] { new PortRange(5432, 5432) }, "tcp"),
        ["MySQL"] = (new[] { new PortRange(3306, 3306) }, "tcp"),
    };

    public static bool TryGetService(string name, out int port, out string? protocol)
    {
        if (Services.TryGetValue(name, out var service))
        {
            port = service.Port;
            protocol = service.Protocol;
            return true;
        }

        port = 0;
        protocol = null;
        return false;
    }

    public static bool TryGetProfile(string name, out IReadOnlyList<PortRange> ports, out string? protocol)
    {
        if (Profiles.TryGetValue(name, out var profile))
        {
            ports = profile.Ports;
            protocol = profile.Protocol;
            return true;
        }

        ports = Array.Empty<PortRange>();
        protocol = null;
        return false;
    }
}
