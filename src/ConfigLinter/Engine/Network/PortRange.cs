using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetSecAnalyzers.ConfigLinter.Network;

/// <summary>
/// A range of TCP or UDP ports, both ends included; one port has equal ends. The firewall and compose
/// readers share it, each with the syntax its tool accepts.
/// </summary>
internal readonly struct PortRange
{
    public PortRange(int first, int last)
    {
        First = first;
        Last = last;
    }

    public int First { get; }

    public int Last { get; }

    public int Count => Last - First + 1;

    public bool Contains(int port) => port >= First && port <= Last;

    /// <summary>Writes the range as ufw and iptables do, <c>N:M</c>.</summary>
    public override string ToString() => ToString(':');

    /// <summary>Writes one port as <c>N</c> and a range with the given separator, such as <c>N-M</c> for Docker.</summary>
    public string ToString(char separator) =>
        First == Last ? First.ToString(CultureInfo.InvariantCulture) : First.ToString(CultureInfo.InvariantCulture) + separator + Last.ToString(CultureInfo.InvariantCulture);

    /// <summary>Returns whether any range contains <paramref name="port"/>; null ranges stand for every port.</summary>
    public static bool AnyContains(IReadOnlyList<PortRange>? ranges, int port) => ranges is null || ranges.Any(range => range.Contains(port));

    /// <summary>Parses a port number from 1 to 65535 written in ASCII digits.</summary>
    public static bool TryParsePort(string text, out int port)
    {
        port = 0;
        if (text.Length == 0 || text.Length > 5 || !text.All(character => character >= '0' && character <= '9'))
        {
            return false;
        }

        port = int.Parse(text, CultureInfo.InvariantCulture);
        return port >= 1 && port <= 65535;
    }

    /// <summary>Parses <c>N</c> or <c>N:M</c> (or <c>N-M</c> when <paramref name="allowDash"/>) with N not above M.</summary>
    public static bool TryParse(string text, bool allowDash, out PortRange range)
    {
        range = default;
        var separator = text.IndexOf(':');
        if (separator < 0 && allowDash)
        {
            separator = text.IndexOf('-');
        }

        if (separator < 0)
        {
            if (!TryParsePort(text, out var port))
            {
                return false;
            }

            range = new PortRange(port, port);
            return true;
        }

        if (!TryParsePort(text.Substring(0, separator), out var first) || !TryParsePort(text.Substring(separator + 1), out var last) || first > last)
        {
            return false;
        }

        range = new PortRange(first, last);
        return true;
    }

    /// <summary>Parses <c>N</c> or <c>N-M</c> with ports 0 to 65535, as Docker's port range parser accepts them.</summary>
    public static bool TryParseDocker(string text, out PortRange range)
    {
        range = default;
        var dash = text.IndexOf('-');
        var firstText = dash < 0 ? text : text.Substring(0, dash);
        var lastText = dash < 0 ? text : text.Substring(dash + 1);
        if (!TryParseDockerPort(firstText, out var first) || !TryParseDockerPort(lastText, out var last) || last < first)
        {
            return false;
        }

        range = new PortRange(first, last);
        return true;
    }

    private static bool TryParseDockerPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;
}
