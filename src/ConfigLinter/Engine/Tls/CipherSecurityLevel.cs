namespace NetSecAnalyzers.ConfigLinter.Tls;

/// <summary>
/// The suites OpenSSL 3's default security callback rejects at each level, as far as it judges a suite by its
/// own algorithms (key sizes of certificates and groups are judged elsewhere and are not modelled).
/// </summary>
internal static class CipherSecurityLevel
{
    /// <summary>The least strength in bits that levels 1 to 5 accept.</summary>
    private static readonly int[] MinimumBits = { 0, 80, 112, 128, 192, 256 };

    /// <summary>
    /// Level 0 accepts everything. From level 1: no suite under the level's bits, no anonymous suite, no MD5
    /// MAC; above 160 bits (level 4) no SHA-1 MAC. From level 2 no RC4; from level 3 only forward-secret key
    /// exchange.
    /// </summary>
    public static bool Allows(int level, CipherSuite suite)
    {
        if (level <= 0)
        {
            return true;
        }

        var minimumBits = MinimumBits[level > 5 ? 5 : level];
        return suite.StrengthBits >= minimumBits
            && suite.Authentication != Authentication.Null
            && suite.Mac != MacAlgorithm.Md5
            && !(minimumBits > 160 && suite.Mac == MacAlgorithm.Sha1)
            && !(level >= 2 && suite.Encryption == Encryption.Rc4)
            && !(level >= 3 && (suite.KeyExchange & KeyExchange.Ephemeral) == 0);
    }
}
