using System;
using System.Collections.Generic;

namespace NetSecAnalyzers.Catalog.Tls;

/// <summary>
/// Classifies a TLS cipher suite by its IANA registry name (<c>TLS_{key exchange}_WITH_{cipher}_{MAC}</c>,
/// or <c>TLS_{cipher}_{hash}</c> for TLS 1.3). The tables below list each key exchange and each bulk cipher
/// that the registry names use, with what is wrong with it. A suite's weaknesses are those of its parts, plus
/// MD5 when that is its MAC. The config linter classifies its OpenSSL suites through their IANA names and
/// the C# analyzers classify <c>TlsCipherSuite</c> members by their names, so both report the same suites.
/// </summary>
public static class CipherSuiteClassification
{
    private const string Prefix = "TLS_";
    private const string KeyExchangeSeparator = "_WITH_";

    /// <summary>The reasons a broken suite is broken, in the order messages name them.</summary>
    private static readonly (CipherSuiteWeaknesses Weakness, string Name)[] BrokenReasons =
    {
        (CipherSuiteWeaknesses.NullEncryption, "NULL"),
        (CipherSuiteWeaknesses.Anonymous, "anonymous"),
        (CipherSuiteWeaknesses.Export, "EXPORT"),
        (CipherSuiteWeaknesses.Rc4, "RC4"),
        (CipherSuiteWeaknesses.Des, "DES"),
        (CipherSuiteWeaknesses.TripleDes, "3DES"),
        (CipherSuiteWeaknesses.Md5, "MD5"),
    };

    private static readonly Dictionary<string, CipherSuiteWeaknesses> KeyExchanges = new(StringComparer.Ordinal)
    {
        // TLS 1.3 names carry no key exchange: it is always (EC)DHE, alone or with a pre-shared key.
        [string.Empty] = CipherSuiteWeaknesses.None,
        ["NULL"] = CipherSuiteWeaknesses.NoForwardSecrecy | CipherSuiteWeaknesses.Anonymous,
        ["RSA"] = CipherSuiteWeaknesses.NoForwardSecrecy,
        ["RSA_EXPORT"] = CipherSuiteWeaknesses.NoForwardSecrecy | CipherSuiteWeaknesses.Export,
        ["DH_DSS"] = CipherSuiteWeaknesses.NoForwardSecrecy,
        ["DH_RSA"] = CipherSuiteWeaknesses.NoForwardSecrecy,
        ["DH_DSS_EXPORT"] = CipherSuiteWeaknesses.NoForwardSecrecy | CipherSuiteWeaknesses.Export,
        ["DH_RSA_EXPORT"] = CipherSuiteWeaknesses.NoForwardSecrecy | CipherSuiteWeaknesses.Export,
        ["DHE_DSS"] = CipherSuiteWeaknesses.None,
        ["DHE_RSA"] = CipherSuiteWeaknesses.None,
        ["DHE_DSS_EXPORT"] = CipherSuiteWeaknesses.Export,
        ["DHE_RSA_EXPORT"] = CipherSuiteWeaknesses.Export,
        ["DH_anon"] = CipherSuiteWeaknesses.Anonymous,
        ["DH_anon_EXPORT"] = CipherSuiteWeaknesses.Anonymous | CipherSuiteWeaknesses.Export,
        ["ECDH_ECDSA"] = CipherSuiteWeaknesses.NoForwardSecrecy,
        ["ECDH_RSA"] = CipherSuiteWeaknesses.NoForwardSecrecy,
        ["ECDHE_ECDSA"] = CipherSuiteWeaknesses.None,
        ["ECDHE_RSA"] = CipherSuiteWeaknesses.None,
        ["ECDH_anon"] = CipherSuiteWeaknesses.Anonymous,
        ["PSK"] = CipherSuiteWeaknesses.NoForwardSecrecy,
        ["RSA_PSK"] = CipherSuiteWeaknesses.NoForwardSecrecy,
        ["DHE_PSK"] = CipherSuiteWeaknesses.None,
        ["PSK_DHE"] = CipherSuiteWeaknesses.None,
        ["ECDHE_PSK"] = CipherSuiteWeaknesses.None,
        ["KRB5"] = CipherSuiteWeaknesses.NoForwardSecrecy,
        ["KRB5_EXPORT"] = CipherSuiteWeaknesses.NoForwardSecrecy | CipherSuiteWeaknesses.Export,

        // SRP counts with the pre-shared keys, as OpenSSL's kSRP is outside its ephemeral key exchanges.
        ["SRP_SHA"] = CipherSuiteWeaknesses.NoForwardSecrecy,
        ["SRP_SHA_RSA"] = CipherSuiteWeaknesses.NoForwardSecrecy,
        ["SRP_SHA_DSS"] = CipherSuiteWeaknesses.NoForwardSecrecy,

        // RFC 8492: the password authenticates an ephemeral ECDH exchange.
        ["ECCPWD"] = CipherSuiteWeaknesses.None,
    };

    private static readonly Dictionary<string, CipherSuiteWeaknesses> Ciphers = new(StringComparer.Ordinal)
    {
        ["NULL"] = CipherSuiteWeaknesses.NullEncryption | CipherSuiteWeaknesses.NoAead,
        ["RC4_40"] = CipherSuiteWeaknesses.Rc4 | CipherSuiteWeaknesses.Export | CipherSuiteWeaknesses.NoAead,
        ["RC4_128"] = CipherSuiteWeaknesses.Rc4 | CipherSuiteWeaknesses.NoAead,
        ["RC2_CBC_40"] = CipherSuiteWeaknesses.Export | CipherSuiteWeaknesses.NoAead,
        ["DES40_CBC"] = CipherSuiteWeaknesses.Des | CipherSuiteWeaknesses.Export | CipherSuiteWeaknesses.NoAead,
        ["DES_CBC_40"] = CipherSuiteWeaknesses.Des | CipherSuiteWeaknesses.Export | CipherSuiteWeaknesses.NoAead,
        ["DES_CBC"] = CipherSuiteWeaknesses.Des | CipherSuiteWeaknesses.NoAead,
        ["3DES_EDE_CBC"] = CipherSuiteWeaknesses.TripleDes | CipherSuiteWeaknesses.NoAead,
        ["IDEA_CBC"] = CipherSuiteWeaknesses.NoAead,
        ["SEED_CBC"] = CipherSuiteWeaknesses.NoAead,
        ["AES_128_CBC"] = CipherSuiteWeaknesses.NoAead,
        ["AES_256_CBC"] = CipherSuiteWeaknesses.NoAead,
        ["ARIA_128_CBC"] = CipherSuiteWeaknesses.NoAead,
        ["ARIA_256_CBC"] = CipherSuiteWeaknesses.NoAead,
        ["CAMELLIA_128_CBC"] = CipherSuiteWeaknesses.NoAead,
        ["CAMELLIA_256_CBC"] = CipherSuiteWeaknesses.NoAead,
        ["AES_128_GCM"] = CipherSuiteWeaknesses.None,
        ["AES_256_GCM"] = CipherSuiteWeaknesses.None,
        ["AES_128_CCM"] = CipherSuiteWeaknesses.None,
        ["AES_256_CCM"] = CipherSuiteWeaknesses.None,
        ["AES_128_CCM_8"] = CipherSuiteWeaknesses.None,
        ["AES_256_CCM_8"] = CipherSuiteWeaknesses.None,
        ["ARIA_128_GCM"] = CipherSuiteWeaknesses.None,
        ["ARIA_256_GCM"] = CipherSuiteWeaknesses.None,
        ["CAMELLIA_128_GCM"] = CipherSuiteWeaknesses.None,
        ["CAMELLIA_256_GCM"] = CipherSuiteWeaknesses.None,
        ["CHACHA20_POLY1305"] = CipherSuiteWeaknesses.None,
    };

    /// <summary>
    /// The MAC (or, in TLS 1.3 and some AEAD suites, the PRF hash) that ends a name. CCM suites end
    /// without one. Longer suffixes come first so that <c>_SHA</c> does not cut <c>_SHA256</c>.
    /// </summary>
    private static readonly (string Suffix, CipherSuiteWeaknesses Weakness)[] Macs =
    {
        ("_SHA384", CipherSuiteWeaknesses.None),
        ("_SHA256", CipherSuiteWeaknesses.None),
        ("_SHA", CipherSuiteWeaknesses.None),
        ("_MD5", CipherSuiteWeaknesses.Md5),
        ("_NULL", CipherSuiteWeaknesses.None),
    };

    /// <summary>
    /// Classifies the suite named <paramref name="ianaName"/>. Returns false for a name whose key exchange or
    /// cipher is not in the tables, such as a suite registered after them.
    /// </summary>
    public static bool TryClassify(string ianaName, out CipherSuiteWeaknesses weaknesses)
    {
        weaknesses = CipherSuiteWeaknesses.None;
        if (!ianaName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var name = ianaName.Substring(Prefix.Length);
        var separator = name.IndexOf(KeyExchangeSeparator, StringComparison.Ordinal);
        var keyExchange = separator < 0 ? string.Empty : name.Substring(0, separator);
        var cipherAndMac = separator < 0 ? name : name.Substring(separator + KeyExchangeSeparator.Length);

        var (cipher, macWeakness) = SplitMac(cipherAndMac);
        if (!KeyExchanges.TryGetValue(keyExchange, out var keyExchangeWeaknesses)
            || !Ciphers.TryGetValue(cipher, out var cipherWeaknesses))
        {
            return false;
        }

        weaknesses = keyExchangeWeaknesses | cipherWeaknesses | macWeakness;
        return true;
    }

    /// <summary>Names the reasons in <paramref name="weaknesses"/> that make a suite broken, in a fixed order.</summary>
    public static IReadOnlyList<string> BrokenReasonNames(CipherSuiteWeaknesses weaknesses)
    {
        var names = new List<string>();
        foreach (var (weakness, name) in BrokenReasons)
        {
            if ((weaknesses & weakness) != 0)
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static (string Cipher, CipherSuiteWeaknesses MacWeakness) SplitMac(string cipherAndMac)
    {
        foreach (var (suffix, weakness) in Macs)
        {
            if (cipherAndMac.EndsWith(suffix, StringComparison.Ordinal))
            {
                return (cipherAndMac.Substring(0, cipherAndMac.Length - suffix.Length), weakness);
            }
        }

        return (cipherAndMac, CipherSuiteWeaknesses.None);
    }
}
