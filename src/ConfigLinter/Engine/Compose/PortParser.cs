using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using NetSecAnalyzers.ConfigLinter.Compose.Yaml;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Network;

namespace NetSecAnalyzers.ConfigLinter.Compose;

/// <summary>
/// Reads a service's <c>ports</c> entries as Docker does. The short syntax
/// <c>[HOST_ADDRESS:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]</c> is split on its colons from the right, so an
/// IPv6 address may be written bare (<c>:::80:80</c>) or in brackets (<c>[::]:80:80</c>); either side may be
/// a range. The long syntax has <c>target</c>, <c>published</c> (a number, a string or a range),
/// <c>host_ip</c>, <c>protocol</c> and <c>mode</c>. An entry without a host port is still published, on a
/// random host port. Values are read as Compose's YAML 1.2 parser reads them, so <c>8080:80</c> without
/// quotes is text, not a base-60 number.
/// </summary>
internal static class PortParser
{
    public static IReadOnlyList<PortMapping> Parse(YamlNode? ports, DiagnosticBag diagnostics)
    {
        var result = new List<PortMapping>();
        foreach (var item in ComposeValues.Items(ports))
        {
            var mapping = item switch
            {
                ScalarNode scalar => ParseShort(scalar, diagnostics),
                MappingNode longSyntax => ParseLong(longSyntax, diagnostics),
                _ => null,
            };
            if (mapping is not null)
            {
                result.Add(mapping);
            }
        }

        return result;
    }

    /// <summary>Parses one short-syntax entry; returns null after a notification when Docker would reject it.</summary>
    public static PortMapping? ParseShort(ScalarNode node, DiagnosticBag diagnostics)
    {
        var text = ComposeValues.Text(node);
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(':');
        var containerPart = parts[parts.Length - 1];
        string? hostPortText = null;
        string? address = null;
        if (parts.Length == 2)
        {
            hostPortText = parts[0];
        }
        else if (parts.Length >= 3)
        {
            address = string.Join(":", parts, 0, parts.Length - 2);
            hostPortText = parts[parts.Length - 2];
        }

        var (protocol, containerText) = SplitProtocol(containerPart);
        if (address is not null && address.Length >= 2 && address[0] == '[' && address[address.Length - 1] == ']')
        {
            address = address.Substring(1, address.Length - 2);
        }

        if (address is not null && address.Length > 0 && ComposeValues.IsKnown(address) && !IsIpAddress(address))
        {
            return Invalid(node, diagnostics, "invalid host address '" + address + "'");
        }

        if (containerText.Length == 0)
        {
            return Invalid(node, diagnostics, "no container port");
        }

        var target = ParseRange(containerText, node, diagnostics, "container port");
        var published = hostPortText is null || hostPortText.Length == 0 ? null : ParseRange(hostPortText, node, diagnostics, "host port");
        if ((target is null && ComposeValues.IsKnown(containerText)) || (published is null && hostPortText is { Length: > 0 } && ComposeValues.IsKnown(hostPortText)))
        {
            return null;
        }

        if (target is { } t && published is { } p && t.Count != p.Count && t.Count != 1)
        {
            return Invalid(node, diagnostics, "the host range " + p.ToString('-') + " and the container range " + t.ToString('-') + " differ in length");
        }

        if (!IsValidProtocol(protocol))
        {
            return Invalid(node, diagnostics, "unknown protocol '" + protocol + "'");
        }

        // A variable in the host port of "HOST:CONTAINER" may hold an address as well ("127.0.0.1:8080"), so
        // the address is unknown there too.
        var kind = parts.Length == 2 && !ComposeValues.IsKnown(parts[0]) ? HostAddressKind.Unknown : PortMapping.Classify(address);
        return new PortMapping(node, node.Value, address, kind, published, target, protocol);
    }

    /// <summary>Parses one long-syntax entry; returns null after a notification when Docker would reject it.</summary>
    public static PortMapping? ParseLong(MappingNode node, DiagnosticBag diagnostics)
    {
        var targetText = ComposeValues.Text(node.Get("target"));
        if (targetText is null)
        {
            return Invalid(node, diagnostics, "no target port");
        }

        var target = ParseRange(targetText, node, diagnostics, "target");
        if (target is null && ComposeValues.IsKnown(targetText))
        {
            return null;
        }

        var publishedText = ComposeValues.Text(node.Get("published"));
        PortRange? published = null;
        if (publishedText is { Length: > 0 })
        {
            published = ParseRange(publishedText, node, diagnostics, "published port");
            if (published is null && ComposeValues.IsKnown(publishedText))
            {
                return null;
            }
        }

        var protocol = (ComposeValues.Text(node.Get("protocol")) ?? "tcp").ToLowerInvariant();
        if (!IsValidProtocol(protocol))
        {
            return Invalid(node, diagnostics, "unknown protocol '" + protocol + "'");
        }

        var address = ComposeValues.Text(node.Get("host_ip"));
        var written = "target: " + Raw(node.Get("target"))
            + (node.Get("published") is null ? string.Empty : ", published: " + Raw(node.Get("published")))
            + (node.Get("host_ip") is null ? ", no host_ip" : ", host_ip: " + Raw(node.Get("host_ip")));
        return new PortMapping(node, written, address, PortMapping.Classify(address), published, target, protocol);
    }

    /// <summary>
    /// Accepts what Go's <c>net.ParseIP</c> accepts, which Docker uses: .NET alone would also take short
    /// IPv4 forms such as <c>127.1</c>, which Docker rejects.
    /// </summary>
    private static bool IsIpAddress(string text) =>
        IPAddress.TryParse(text, out _) && (text.IndexOf(':') >= 0 || text.Count(c => c == '.') == 3);

    private static string Raw(YamlNode? node) => node is ScalarNode scalar ? scalar.Value : "?";

    /// <summary>Docker's split of <c>PORT/PROTOCOL</c>: no slash or an empty protocol means tcp.</summary>
    private static (string Protocol, string Port) SplitProtocol(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 1 || parts[1].Length == 0)
        {
            return ("tcp", parts[0]);
        }

        return (parts[1].ToLowerInvariant(), parts[0]);
    }

    private static bool IsValidProtocol(string protocol) =>
        protocol is "tcp" or "udp" or "sctp" || !ComposeValues.IsKnown(protocol);

    private static PortRange? ParseRange(string text, YamlNode node, DiagnosticBag diagnostics, string what)
    {
        if (!ComposeValues.IsKnown(text))
        {
            return null;
        }

        if (PortRange.TryParseDocker(text.Trim(), out var range))
        {
            return range;
        }

        Invalid(node, diagnostics, "invalid " + what + " '" + text + "'");
        return null;
    }

    private static PortMapping? Invalid(YamlNode node, DiagnosticBag diagnostics, string reason)
    {
        var written = node is ScalarNode scalar ? "'" + scalar.Value + "'" : "in long syntax";
        diagnostics.Notify(new LintNotification(
            ComposeNotificationCodes.InvalidPort,
            NotificationLevel.Warning,
            "Docker rejects the ports entry " + written + ": " + reason + ".",
            node.Location));
        return null;
    }

    /// <summary>Describes the host side of a mapping for messages, such as <c>8080</c> or <c>a random host port</c>.</summary>
    public static string DescribeHostPort(PortMapping mapping) =>
        mapping.Published?.ToString('-') ?? "a random host port";

    internal static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static bool Overlaps(PortRange range, IEnumerable<int> ports, out int port)
    {
        foreach (var candidate in ports.Where(range.Contains))
        {
            port = candidate;
            return true;
        }

        port = 0;
        return false;
    }
}
