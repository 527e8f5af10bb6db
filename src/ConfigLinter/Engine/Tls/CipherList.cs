using System.Collections.Generic;
using System.Linq;

namespace NetSecAnalyzers.ConfigLinter.Tls;

/// <summary>What a cipher string selects: the TLS 1.0–1.2 suites in OpenSSL's order, and what it recorded on the way.</summary>
internal sealed class CipherList
{
    public CipherList(IReadOnlyList<CipherSuite> suites, int? securityLevel, IReadOnlyList<string> ignoredWords, string? error)
    {
        Suites = suites;
        SecurityLevel = securityLevel;
        IgnoredWords = ignoredWords;
        Error = error;
    }

    /// <summary>The suites the string selects, before any security level is applied (what <c>openssl ciphers -v</c> lists).</summary>
    public IReadOnlyList<CipherSuite> Suites { get; }

    /// <summary>The level a <c>@SECLEVEL=n</c> in the string sets, or null when it sets none.</summary>
    public int? SecurityLevel { get; }

    /// <summary>Words OpenSSL does not know, which it skips together with the term they are in.</summary>
    public IReadOnlyList<string> IgnoredWords { get; }

    /// <summary>Why OpenSSL would reject the whole string, or null when it accepts it.</summary>
    public string? Error { get; }

    /// <summary>
    /// The suites a server can negotiate: <see cref="Suites"/> less those the string's own security level
    /// rules out. Without <c>@SECLEVEL</c> nothing is filtered, because the level then depends on the
    /// OpenSSL build and its configuration file, and OpenSSL 1.0.2 has no levels at all.
    /// </summary>
    public IReadOnlyList<CipherSuite> Usable =>
        SecurityLevel is int level ? Suites.Where(suite => CipherSecurityLevel.Allows(level, suite)).ToList() : Suites;
}
