using System;
using NetSecAnalyzers.ConfigLinter.Compose.Yaml;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Network;

namespace NetSecAnalyzers.ConfigLinter.Compose;

/// <summary>How sure the linter is about the host address a port is published on.</summary>
internal enum HostAddressKind
{
    /// <summary>No address, <c>0.0.0.0</c> or <c>::</c>: every interface of the host.</summary>
    AllInterfaces,

    /// <summary>A loopback address, reachable only from the host itself.</summary>
    Loopback,

    /// <summary>One specific non-loopback address of the host.</summary>
    Specific,

    /// <summary>An address that depends on a variable the linter cannot resolve.</summary>
    Unknown,
}

/// <summary>One published port of a service's <c>ports</c> list, read the way Docker reads it.</summary>
internal sealed class PortMapping
{
    public PortMapping(YamlNode node, string written, string? hostAddress, HostAddressKind addressKind, PortRange? published, PortRange? target, string protocol)
    {
        Node = node;
        Written = written;
        HostAddress = hostAddress;
        AddressKind = addressKind;
        Published = published;
        Target = target;
        Protocol = protocol;
    }

    /// <summary>The list item: a scalar in the short syntax, a mapping in the long syntax.</summary>
    public YamlNode Node { get; }

    /// <summary>
    /// Where the entry is written. A block mapping's own end lies at the start of the next line, so a
    /// long-syntax entry ends with its last value instead.
    /// </summary>
    public SourceLocation Location =>
        Node is MappingNode { Entries.Count: > 0 } mapping
            ? new SourceLocation(
                mapping.Location.FilePath,
                mapping.Location.StartLine,
                mapping.Location.StartColumn,
                mapping.Entries[mapping.Entries.Count - 1].Value.Location.EndLine,
                mapping.Entries[mapping.Entries.Count - 1].Value.Location.EndColumn)
            : Node.Location;

    /// <summary>The entry as written, for messages: the short syntax text, or a summary of the long syntax.</summary>
    public string Written { get; }

    /// <summary>The host address as interpolated, or null when none is given.</summary>
    public string? HostAddress { get; }

    public HostAddressKind AddressKind { get; }

    /// <summary>The host ports, or null when Docker picks a random host port (or a variable decides it).</summary>
    public PortRange? Published { get; }

    /// <summary>The container ports, or null when a variable the linter cannot resolve decides them.</summary>
    public PortRange? Target { get; }

    /// <summary><c>tcp</c>, <c>udp</c> or <c>sctp</c>.</summary>
    public string Protocol { get; }

    public bool IsOnAllInterfaces => AddressKind == HostAddressKind.AllInterfaces;

    /// <summary>Whether the port is reachable from other hosts: all interfaces or a specific non-loopback address.</summary>
    public bool IsReachableFromNetwork => AddressKind is HostAddressKind.AllInterfaces or HostAddressKind.Specific;

    public static HostAddressKind Classify(string? address)
    {
        // NOTE: an entry without an address binds to the daemon's default address ("ip" in daemon.json),
        // which is 0.0.0.0 unless the host changes it. The linter cannot read that setting.
        if (address is null || address.Length == 0)
        {
            return HostAddressKind.AllInterfaces;
        }

        if (!ComposeValues.IsKnown(address))
        {
            return HostAddressKind.Unknown;
        }

        if (address == "0.0.0.0" || address == "::" || string.Equals(address, "0:0:0:0:0:0:0:0", StringComparison.Ordinal))
        {
            return HostAddressKind.AllInterfaces;
        }

        if (address.StartsWith("127.", StringComparison.Ordinal) || address == "::1")
        {
            return HostAddressKind.Loopback;
        }

        return HostAddressKind.Specific;
    }
}
