using System;
using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Firewall;

/// <summary>
/// What the host firewall files of one scan say about inbound traffic, recorded by the ufw and iptables
/// readers and consulted by the compose rules. Docker publishes container ports through its own iptables
/// chains, ahead of ufw's input rules, so a deny that the operator wrote for a port does not protect a
/// container that publishes it; the compose findings name that deny so the operator sees why.
/// </summary>
public sealed class HostFirewallFacts
{
    private readonly List<InboundProtection> protections = new();

    /// <summary>The inbound denies, rejects, source restrictions and deny-by-default policies seen so far.</summary>
    public IReadOnlyList<InboundProtection> Protections => protections;

    public void Add(InboundProtection protection) =>
        protections.Add(protection ?? throw new ArgumentNullException(nameof(protection)));

    /// <summary>
    /// Returns the rule or policy an operator would most likely think protects <paramref name="port"/>:
    /// a rule naming the port comes before a default policy. Null when the scan holds no host firewall
    /// file that restricts the port.
    /// </summary>
    /// <param name="protocol"><c>tcp</c> or <c>udp</c>.</param>
    public InboundProtection? FindProtection(int port, string protocol)
    {
        InboundProtection? fallback = null;
        foreach (var protection in protections)
        {
            if (protection.Port is null)
            {
                fallback ??= protection;
            }
            else if (protection.Covers(port, protocol))
            {
                return protection;
            }
        }

        return fallback;
    }
}

/// <summary>One host firewall statement that restricts inbound traffic.</summary>
public sealed class InboundProtection
{
    /// <param name="description">How the statement reads to the operator, such as <c>ufw deny 5432/tcp</c> or <c>DEFAULT_INPUT_POLICY="DROP"</c>.</param>
    /// <param name="location">Where the statement is written.</param>
    /// <param name="port">The first port the statement names; null for a default policy that covers every port.</param>
    /// <param name="lastPort">The last port of a range; equal to <paramref name="port"/> for one port.</param>
    /// <param name="protocol"><c>tcp</c>, <c>udp</c>, or null for both.</param>
    public InboundProtection(string description, SourceLocation location, int? port = null, int? lastPort = null, string? protocol = null)
    {
        Description = description ?? throw new ArgumentNullException(nameof(description));
        Location = location ?? throw new ArgumentNullException(nameof(location));
        Port = port;
        LastPort = lastPort ?? port;
        Protocol = protocol;
    }

    public string Description { get; }

    public SourceLocation Location { get; }

    public int? Port { get; }

    public int? LastPort { get; }

    public string? Protocol { get; }

    public bool Covers(int port, string protocol) =>
        (Port is null || (port >= Port && port <= LastPort))
        && (Protocol is null || string.Equals(Protocol, protocol, StringComparison.OrdinalIgnoreCase));
}
