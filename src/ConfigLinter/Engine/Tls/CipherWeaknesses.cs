using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetSecAnalyzers.Catalog.Tls;

namespace NetSecAnalyzers.ConfigLinter.Tls;

/// <summary>
/// Sorts suites into what NETSEC010 reports (broken) and what NETSEC011 reports (no forward secrecy, or
/// CBC instead of AEAD) by the shared <see cref="CipherSuiteClassification"/>, and words the counts for an nginx message.
/// </summary>
internal static class CipherWeaknesses
{
    private const int ExampleCount = 2;

    public static bool IsBroken(CipherSuite suite) => (suite.Weaknesses & CipherSuiteWeaknesses.Broken) != 0;

    public static bool LacksForwardSecrecy(CipherSuite suite) => (suite.Weaknesses & CipherSuiteWeaknesses.NoForwardSecrecy) != 0;

    public static bool LacksAead(CipherSuite suite) => (suite.Weaknesses & CipherSuiteWeaknesses.NoAead) != 0;

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

        var allWeaknesses = CipherSuiteWeaknesses.None;
        foreach (var suite in broken)
        {
            allWeaknesses |= suite.Weaknesses;
        }

        var reasons = CipherSuiteClassification.BrokenReasonNames(allWeaknesses);
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
