using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetSecAnalyzers.ConfigLinter.Tls;

/// <summary>
/// Sorts suites into what NETSEC010 reports (broken) and what NETSEC011 reports (no forward secrecy, or
/// CBC instead of AEAD), and words the counts for a message. Shared by the nginx and C# checks.
/// </summary>
internal static class CipherWeaknesses
{
    private const int ExampleCount = 2;

    /// <summary>The order reasons are named in a message, the order of <see cref="BrokenReasons"/>.</summary>
    private static readonly string[] ReasonOrder = { "NULL", "anonymous", "EXPORT", "RC4", "DES", "3DES", "MD5" };

    /// <summary>Returns the reasons a suite is broken, in a fixed order, or an empty list when it is not.</summary>
    public static IReadOnlyList<string> BrokenReasons(CipherSuite suite)
    {
        var reasons = new List<string>();
        Add(reasons, suite.Encryption == Encryption.Null, "NULL");
        Add(reasons, suite.Authentication == Authentication.Null, "anonymous");
        Add(reasons, suite.Strength == CipherStrength.Export, "EXPORT");
        Add(reasons, suite.Encryption == Encryption.Rc4 || suite.Encryption == Encryption.Rc2, "RC4");
        Add(reasons, suite.Encryption == Encryption.Des, "DES");
        Add(reasons, suite.Encryption == Encryption.TripleDes, "3DES");
        Add(reasons, suite.Mac == MacAlgorithm.Md5, "MD5");
        return reasons;
    }

    public static bool IsBroken(CipherSuite suite) => BrokenReasons(suite).Count > 0;

    /// <summary>A key exchange without a fresh key per connection: static RSA or (EC)DH, PSK or SRP alone.</summary>
    public static bool LacksForwardSecrecy(CipherSuite suite) => (suite.KeyExchange & KeyExchange.Ephemeral) == 0;

    public static bool LacksAead(CipherSuite suite) => suite.Mac != MacAlgorithm.Aead;

    /// <summary>
    /// Words the broken suites, as in <c>2 broken suites (RC4, 3DES), e.g. RC4-SHA, DES-CBC3-SHA</c>, or
    /// returns null when there is none.
    /// </summary>
    public static string? DescribeBroken(IEnumerable<CipherSuite> suites)
    {
        var broken = suites.Where(IsBroken).ToList();
        if (broken.Count == 0)
        {
            return null;
        }

        var found = new HashSet<string>(broken.SelectMany(BrokenReasons));
        var reasons = ReasonOrder.Where(found.Contains);
        return Count(broken.Count, "broken suite") + " (" + string.Join(", ", reasons) + "), " + Examples(broken);
    }

    /// <summary>
    /// Words the suites that are not broken but lack forward secrecy or AEAD, as in
    /// <c>5 suites without forward secrecy, e.g. AES256-SHA, AES128-SHA</c>, or returns null when there is none.
    /// </summary>
    public static string? DescribeWeak(IEnumerable<CipherSuite> suites)
    {
        var candidates = suites.Where(suite => !IsBroken(suite)).ToList();
        var withoutForwardSecrecy = candidates.Where(LacksForwardSecrecy).ToList();
        var cbcOnly = candidates.Where(suite => !LacksForwardSecrecy(suite) && LacksAead(suite)).ToList();
        var parts = new List<string>();
        if (withoutForwardSecrecy.Count > 0)
        {
            parts.Add(Count(withoutForwardSecrecy.Count, "suite") + " without forward secrecy, " + Examples(withoutForwardSecrecy));
        }

        if (cbcOnly.Count > 0)
        {
            parts.Add(Count(cbcOnly.Count, "CBC suite") + " without AEAD, " + Examples(cbcOnly));
        }

        return parts.Count == 0 ? null : string.Join(", and ", parts);
    }

    private static void Add(List<string> reasons, bool applies, string reason)
    {
        if (applies)
        {
            reasons.Add(reason);
        }
    }

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    /// <summary>
    /// Names the first suites, certificate-based ones first: nginx never negotiates PSK or SRP suites,
    /// so they make poor examples even though OpenSSL lists them.
    /// </summary>
    private static string Examples(IReadOnlyList<CipherSuite> suites) =>
        "e.g. " + string.Join(", ", suites
            .OrderBy(suite => (suite.KeyExchange & (KeyExchange.AnyPsk | KeyExchange.Srp)) != 0)
            .Take(ExampleCount)
            .Select(suite => suite.Name));
}
