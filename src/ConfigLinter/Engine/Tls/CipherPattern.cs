namespace NetSecAnalyzers.ConfigLinter.Tls;

/// <summary>
/// What one word of a cipher string selects, as OpenSSL keeps it: a mask per algorithm kind (zero means any),
/// an optional exact protocol, strength class and suite. A <c>+</c>-joined term intersects its words' masks.
/// </summary>
internal sealed class CipherPattern
{
    /// <summary>The FIPS mark shares OpenSSL's strength mask, so <c>HIGH+FIPS</c> selects nothing, as it does there.</summary>
    public const int FipsBit = 1 << 8;

    public CipherPattern(
        KeyExchange keyExchange = KeyExchange.None,
        Authentication authentication = Authentication.None,
        Encryption encryption = Encryption.None,
        MacAlgorithm mac = MacAlgorithm.None,
        CipherProtocol? protocol = null,
        int strength = 0,
        bool notDefault = false,
        CipherSuite? suite = null)
    {
        KeyExchange = keyExchange;
        Authentication = authentication;
        Encryption = encryption;
        Mac = mac;
        Protocol = protocol;
        Strength = strength;
        NotDefault = notDefault;
        Suite = suite;
    }

    public KeyExchange KeyExchange { get; }

    public Authentication Authentication { get; }

    public Encryption Encryption { get; }

    public MacAlgorithm Mac { get; }

    public CipherProtocol? Protocol { get; }

    public int Strength { get; }

    public bool NotDefault { get; }

    /// <summary>The suite a word named exactly; then only that suite matches.</summary>
    public CipherSuite? Suite { get; }

    /// <summary>The pattern of a suite named exactly: its own masks, and the suite itself.</summary>
    public static CipherPattern Of(CipherSuite suite) => new(
        suite.KeyExchange,
        suite.Authentication,
        suite.Encryption,
        suite.Mac,
        protocol: null,
        StrengthMaskOf(suite),
        notDefault: false,
        suite);

    /// <summary>
    /// Intersects two words of one term. Returns null when a kind's masks share nothing or protocols differ:
    /// OpenSSL then skips the whole term.
    /// </summary>
    public CipherPattern? And(CipherPattern other)
    {
        var keyExchange = Intersect((int)KeyExchange, (int)other.KeyExchange);
        var authentication = Intersect((int)Authentication, (int)other.Authentication);
        var encryption = Intersect((int)Encryption, (int)other.Encryption);
        var mac = Intersect((int)Mac, (int)other.Mac);
        var strength = Intersect(Strength, other.Strength);
        if (keyExchange is null || authentication is null || encryption is null || mac is null || strength is null
            || (Protocol is not null && other.Protocol is not null && Protocol != other.Protocol))
        {
            return null;
        }

        return new CipherPattern(
            (KeyExchange)keyExchange.Value,
            (Authentication)authentication.Value,
            (Encryption)encryption.Value,
            (MacAlgorithm)mac.Value,
            Protocol ?? other.Protocol,
            strength.Value,
            NotDefault || other.NotDefault,
            other.Suite ?? Suite);
    }

    public bool Matches(CipherSuite suite)
    {
        if (Suite is not null)
        {
            return ReferenceEquals(Suite, suite);
        }

        return Overlaps((int)KeyExchange, (int)suite.KeyExchange)
            && Overlaps((int)Authentication, (int)suite.Authentication)
            && Overlaps((int)Encryption, (int)suite.Encryption)
            && Overlaps((int)Mac, (int)suite.Mac)
            && (Protocol is null || Protocol == suite.MinimumProtocol)
            && Overlaps(Strength, StrengthMaskOf(suite))
            && (!NotDefault || (suite.Flags & CipherFlags.NotDefault) != 0);
    }

    private static int StrengthMaskOf(CipherSuite suite) =>
        (int)suite.Strength | ((suite.Flags & CipherFlags.Fips) != 0 ? FipsBit : 0);

    private static bool Overlaps(int mask, int value) => mask == 0 || (mask & value) != 0;

    /// <summary>Returns the intersection, the other mask when one is "any", or null when they share nothing.</summary>
    private static int? Intersect(int left, int right)
    {
        if (left == 0 || right == 0)
        {
            return left | right;
        }

        var both = left & right;
        return both == 0 ? null : both;
    }
}
