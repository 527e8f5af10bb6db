using System;
using System.Collections.Generic;
using System.Linq;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>The protocol bits of nginx's <c>ssl_protocols</c> family of directives.</summary>
[Flags]
internal enum TlsProtocols
{
    None = 0,
    SslV2 = 1,
    SslV3 = 2,
    TlsV1 = 4,
    TlsV11 = 8,
    TlsV12 = 16,
    TlsV13 = 32,
    Legacy = SslV2 | SslV3 | TlsV1 | TlsV11,
}

/// <summary>Protocol names as nginx spells them, and the defaults of each nginx version.</summary>
internal static class NginxTlsProtocols
{
    private static readonly (string Name, TlsProtocols Protocol)[] Names =
    {
        ("SSLv2", TlsProtocols.SslV2),
        ("SSLv3", TlsProtocols.SslV3),
        ("TLSv1", TlsProtocols.TlsV1),
        ("TLSv1.1", TlsProtocols.TlsV11),
        ("TLSv1.2", TlsProtocols.TlsV12),
        ("TLSv1.3", TlsProtocols.TlsV13),
    };

    private static readonly Version TlsV11AddedStable = new(1, 0, 12);
    private static readonly Version MainlineBranch = new(1, 1, 0);
    private static readonly Version TlsV11AddedMainline = new(1, 1, 13);
    private static readonly Version SslV3Dropped = new(1, 9, 1);
    private static readonly Version TlsV13Added = new(1, 23, 4);
    private static readonly Version LegacyTlsDropped = new(1, 27, 3);

    private const TlsProtocols AllProtocols = TlsProtocols.SslV2 | TlsProtocols.SslV3 | TlsProtocols.TlsV1 | TlsProtocols.TlsV11 | TlsProtocols.TlsV12 | TlsProtocols.TlsV13;

    // Findings word the same few protocol sets again and again, so each wording is built once per set.
    // Two threads may build the same wording at once, and either copy is correct.
    private static readonly string?[] NginxLists = new string?[(int)AllProtocols + 1];
    private static readonly string?[] Sentences = new string?[(int)AllProtocols + 1];

    /// <summary>Returns the protocol a name stands for; nginx compares the names case-insensitively.</summary>
    public static TlsProtocols Parse(string name)
    {
        foreach (var (known, protocol) in Names)
        {
            if (string.Equals(name, known, StringComparison.OrdinalIgnoreCase))
            {
                return protocol;
            }
        }

        return TlsProtocols.None;
    }

    /// <summary>
    /// Returns the protocols nginx enables when no <c>ssl_protocols</c> applies. nginx's CHANGES for 1.23.4
    /// ("TLSv1.3 protocol is enabled by default") and 1.27.3 ("TLSv1 and TLSv1.1 protocols are disabled by
    /// default") and nginx's HTTPS guide ("SSLv3 TLSv1 TLSv1.1 TLSv1.2" since 1.1.13 and 1.0.12) give the steps.
    /// </summary>
    public static TlsProtocols DefaultFor(Version version)
    {
        const TlsProtocols Tls10To12 = TlsProtocols.TlsV1 | TlsProtocols.TlsV11 | TlsProtocols.TlsV12;

        if (version < TlsV11AddedStable || (version >= MainlineBranch && version < TlsV11AddedMainline))
        {
            return TlsProtocols.SslV3 | TlsProtocols.TlsV1;
        }

        // NOTE: 1.9.1 as the release that dropped SSLv3 from the default comes from the rule's specification;
        // it was not checked against nginx's CHANGES.
        if (version < SslV3Dropped)
        {
            return TlsProtocols.SslV3 | Tls10To12;
        }

        if (version < TlsV13Added)
        {
            return Tls10To12;
        }

        return version < LegacyTlsDropped ? Tls10To12 | TlsProtocols.TlsV13 : TlsProtocols.TlsV12 | TlsProtocols.TlsV13;
    }

    /// <summary>Formats protocols as nginx names them, separated by spaces.</summary>
    public static string ToNginxList(TlsProtocols protocols) =>
        NginxLists[(int)(protocols & AllProtocols)] ??= string.Join(" ", NamesOf(protocols));

    /// <summary>Formats protocols for a sentence: "TLSv1", "TLSv1 and TLSv1.1", "SSLv3, TLSv1 and TLSv1.1".</summary>
    public static string ToSentence(TlsProtocols protocols) =>
        Sentences[(int)(protocols & AllProtocols)] ??= BuildSentence(protocols);

    private static string BuildSentence(TlsProtocols protocols)
    {
        var names = NamesOf(protocols).ToList();
        return names.Count <= 1
            ? string.Concat(names)
            : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
    }

    private static IEnumerable<string> NamesOf(TlsProtocols protocols) =>
        Names.Where(entry => (protocols & entry.Protocol) != 0).Select(entry => entry.Name);
}
