using System.Globalization;

namespace NetSecAnalyzers.ConfigLinter.Compose;

/// <summary>A port or an inclusive range of ports, as in <c>8000-8010</c>.</summary>
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

    /// <summary>Parses <c>N</c> or <c>N-M</c> with ports 0 to 65535, as Docker's port range parser accepts them.</summary>
    public static bool TryParse(string text, out PortRange range)
    {
        range = default;
        var dash = text.IndexOf('-');
        var firstText = dash < 0 ? text : text.Substring(0, dash);
        var lastText = dash < 0 ? text : text.Substring(dash + 1);
        if (!TryParsePort(firstText, out var first) || !TryParsePort(lastText, out var last) || last < first)
        {
            return false;
        }

        range = new PortRange(first, last);
        return true;
    }

    private static bool TryParsePort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;

    public override string ToString() =>
        First == Last ? First.ToString(CultureInfo.InvariantCulture) : First.ToString(CultureInfo.InvariantCulture) + "-" + Last.ToString(CultureInfo.InvariantCulture);
}
