using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Firewall;

/// <summary>
/// Inbound restrictions found in the host firewall files of one scan, recorded by the ufw and iptables
/// readers and consulted by the compose rules. Docker publishes container ports through its own iptables
/// chains, ahead of ufw's input rules, so a deny that the operator wrote for a port does not protect a
/// container that publishes it. The compose findings name that deny to show the operator why.
/// </summary>
public sealed class HostFirewallFacts
{
    private readonly List<InboundProtection> protections = new();
    private readonly List<string> files = new();

    /// <summary>The inbound denies, rejects, source restrictions and deny-by-default policies recorded so far.</summary>
    public IReadOnlyList<InboundProtection> Protections => protections;

    /// <summary>Records a protection and, as <see cref="AddFile"/> does, counts its file as read.</summary>
    public void Add(InboundProtection protection)
    {
        protections.Add(protection ?? throw new ArgumentNullException(nameof(protection)));
        AddFile(protection.Location.FilePath);
    }

    /// <summary>Records a host firewall file of the scan, including one that restricts nothing.</summary>
    public void AddFile(string path)
    {
        if (!files.Contains(path, PathComparison.Comparer))
        {
            files.Add(path);
        }
    }

    /// <summary>
    /// Returns the facts of the host firewall files that configure the host a deployment file runs on: those
    /// nearest to it in the folder tree, within its folder's parent. One scan may contain several deployments
    /// (a hardened and an insecure one side by side), and a host has one firewall, so a file two folders away,
    /// or one farther away than another host firewall file, does not configure this host.
    /// </summary>
    public HostFirewallFacts For(string deploymentFile)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(deploymentFile)) ?? string.Empty;
        var scope = Path.GetDirectoryName(folder) ?? folder;
        var distances = files
            .Select(file => (File: file, Distance: Distance(folder, scope, file)))
            .Where(entry => entry.Distance >= 0)
            .ToList();
        var scoped = new HostFirewallFacts();
        if (distances.Count == 0)
        {
            return scoped;
        }

        var nearest = distances.Min(entry => entry.Distance);
        var nearestFiles = new HashSet<string>(distances.Where(entry => entry.Distance == nearest).Select(entry => entry.File), PathComparison.Comparer);
        foreach (var protection in protections.Where(protection => nearestFiles.Contains(protection.Location.FilePath)))
        {
            scoped.Add(protection);
        }

        foreach (var file in nearestFiles)
        {
            scoped.AddFile(file);
        }

        return scoped;
    }

    /// <summary>
    /// Counts the folder steps from <paramref name="folder"/> to the folder of <paramref name="file"/>, or
    /// returns -1 when the file lies outside <paramref name="scope"/>.
    /// </summary>
    private static int Distance(string folder, string scope, string file)
    {
        var fileFolder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? string.Empty;
        if (!IsWithin(fileFolder, scope))
        {
            return -1;
        }

        var common = IsWithin(fileFolder, folder) ? folder : scope;
        return Depth(fileFolder) - Depth(common) + Depth(folder) - Depth(common);
    }

    private static bool IsWithin(string path, string folder) =>
        PathComparison.Comparer.Equals(path, folder) || Output.PathDisplay.Relative(path, folder) is not null;

    private static int Depth(string path) =>
        path.Count(character => character == Path.DirectorySeparatorChar || character == Path.AltDirectorySeparatorChar);

    /// <summary>
    /// Returns the rule or policy an operator would most likely think protects <paramref name="port"/>:
    /// a rule naming the port comes before a default policy. Null when the scan contains no host firewall
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
