using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace NetSecAnalyzers.ConfigLinter.Firewall;

/// <summary>Reads the addresses and networks ufw and iptables accept: an address, an address with a prefix length or netmask, or <c>any</c>.</summary>
internal static class UfwAddresses
{
    /// <summary>Returns whether <paramref name="network"/> matches every address: null, <c>any</c>, <c>0.0.0.0/0</c> or <c>::/0</c>.</summary>
    public static bool IsAny(string? network) =>
        network is null
        || network == "any"
        || network == "0.0.0.0/0"
        || network == "::/0"
        || network == "0/0";

    /// <summary>Returns whether <paramref name="network"/> lies inside 127.0.0.0/8 or is <c>::1</c>.</summary>
    public static bool IsLoopback(string? network)
    {
        if (network is null || !TryParse(network, out var address, out _))
        {
            return false;
        }

        return IPAddress.IsLoopback(address!);
    }

    /// <summary>Parses a network; <paramref name="family"/> is that of its address.</summary>
    public static bool TryParse(string text, out IPAddress? address, out AddressFamily family)
    {
        address = null;
        family = AddressFamily.Unspecified;
        var slash = text.IndexOf('/');
        var host = slash < 0 ? text : text.Substring(0, slash);
        if (host.Length == 0 || !host.All(character => Uri.IsHexDigit(character) || character == '.' || character == ':')
            || !IPAddress.TryParse(host, out address))
        {
            return false;
        }

        family = address.AddressFamily;
        if (slash < 0)
        {
            return true;
        }

        var suffix = text.Substring(slash + 1);
        var maximum = family == AddressFamily.InterNetworkV6 ? 128 : 32;
        if (suffix.Length > 0 && suffix.Length <= 3 && suffix.All(char.IsDigit))
        {
            return int.Parse(suffix, CultureInfo.InvariantCulture) <= maximum;
        }

        // An IPv4 network may give its mask in dotted form, such as 192.168.0.0/255.255.0.0.
        return family == AddressFamily.InterNetwork && suffix.Contains('.') && IPAddress.TryParse(suffix, out var mask) && mask.AddressFamily == AddressFamily.InterNetwork;
    }
}
