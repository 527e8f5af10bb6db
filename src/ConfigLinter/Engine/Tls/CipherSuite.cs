using System;
using NetSecAnalyzers.Catalog.Tls;

namespace NetSecAnalyzers.ConfigLinter.Tls;

/// <summary>Key exchange algorithms, as bits so that an OpenSSL alias can name several at once.</summary>
[Flags]
internal enum KeyExchange
{
    None = 0,
    Rsa = 1 << 0,
    Dhe = 1 << 1,
    Ecdhe = 1 << 2,
    Psk = 1 << 3,
    RsaPsk = 1 << 4,
    DhePsk = 1 << 5,
    EcdhePsk = 1 << 6,
    Srp = 1 << 7,

    /// <summary>Static Diffie-Hellman with the key in the certificate; only OpenSSL 1.0.2 had these.</summary>
    DhStatic = 1 << 8,

    /// <summary>Static elliptic-curve Diffie-Hellman; only OpenSSL 1.0.2 had these.</summary>
    EcdhStatic = 1 << 9,

    AnyPsk = Psk | RsaPsk | DhePsk | EcdhePsk,

    /// <summary>The exchanges with a fresh key per connection, which give forward secrecy.</summary>
    Ephemeral = Dhe | Ecdhe | DhePsk | EcdhePsk,
}

/// <summary>Authentication algorithms; <see cref="Null"/> is the anonymous suites.</summary>
[Flags]
internal enum Authentication
{
    None = 0,
    Rsa = 1 << 0,
    Dss = 1 << 1,
    Ecdsa = 1 << 2,
    Null = 1 << 3,
    Psk = 1 << 4,
    Srp = 1 << 5,
}

/// <summary>Bulk encryption algorithms with their key size, as OpenSSL keeps them.</summary>
[Flags]
internal enum Encryption
{
    None = 0,
    Null = 1 << 0,
    Des = 1 << 1,
    TripleDes = 1 << 2,
    Rc4 = 1 << 3,
    Rc2 = 1 << 4,
    Idea = 1 << 5,
    Seed = 1 << 6,
    Aes128 = 1 << 7,
    Aes256 = 1 << 8,
    Aes128Gcm = 1 << 9,
    Aes256Gcm = 1 << 10,
    Aes128Ccm = 1 << 11,
    Aes256Ccm = 1 << 12,
    Aes128Ccm8 = 1 << 13,
    Aes256Ccm8 = 1 << 14,
    Camellia128 = 1 << 15,
    Camellia256 = 1 << 16,
    ChaCha20 = 1 << 17,
    Aria128Gcm = 1 << 18,
    Aria256Gcm = 1 << 19,

    AesGcm = Aes128Gcm | Aes256Gcm,
    AesCcm = Aes128Ccm | Aes256Ccm | Aes128Ccm8 | Aes256Ccm8,
    AllAes128 = Aes128 | Aes128Gcm | Aes128Ccm | Aes128Ccm8,
    AllAes256 = Aes256 | Aes256Gcm | Aes256Ccm | Aes256Ccm8,
    Camellia = Camellia128 | Camellia256,
    AriaGcm = Aria128Gcm | Aria256Gcm,

    /// <summary>The ciphers used in CBC mode, which OpenSSL's <c>CBC</c> alias names.</summary>
    Cbc = Des | TripleDes | Rc2 | Idea | Seed | Aes128 | Aes256 | Camellia,
}

/// <summary>Message authentication; <see cref="Aead"/> is integrity that the cipher itself gives.</summary>
[Flags]
internal enum MacAlgorithm
{
    None = 0,
    Md5 = 1 << 0,
    Sha1 = 1 << 1,
    Sha256 = 1 << 2,
    Sha384 = 1 << 3,
    Aead = 1 << 4,
}

/// <summary>The lowest protocol version a suite can be negotiated in, which <c>openssl ciphers -v</c> shows.</summary>
internal enum CipherProtocol
{
    Ssl3,
    Tls10,
    Tls12,
}

/// <summary>OpenSSL's strength classes behind <c>HIGH</c>, <c>MEDIUM</c> and <c>LOW</c>, plus the old export class.</summary>
[Flags]
internal enum CipherStrength
{
    None = 0,
    Export = 1 << 0,
    Low = 1 << 1,
    Medium = 1 << 2,
    High = 1 << 3,
}

/// <summary>Marks that OpenSSL keeps beside the algorithms.</summary>
[Flags]
internal enum CipherFlags
{
    None = 0,

    /// <summary>Left out of <c>DEFAULT</c>; <c>COMPLEMENTOFDEFAULT</c> names these (OpenSSL 3 values).</summary>
    NotDefault = 1 << 0,

    /// <summary>Approved for FIPS mode; the <c>FIPS</c> alias names these.</summary>
    Fips = 1 << 1,
}

/// <summary>One TLS 1.0–1.2 cipher suite as OpenSSL describes it.</summary>
internal sealed class CipherSuite
{
    public CipherSuite(
        string name,
        string ianaName,
        int code,
        KeyExchange keyExchange,
        Authentication authentication,
        Encryption encryption,
        int strengthBits,
        MacAlgorithm mac,
        CipherProtocol minimumProtocol,
        CipherStrength strength,
        CipherFlags flags)
    {
        Name = name;
        IanaName = ianaName;
        Code = code;
        KeyExchange = keyExchange;
        Authentication = authentication;
        Encryption = encryption;
        StrengthBits = strengthBits;
        Mac = mac;
        MinimumProtocol = minimumProtocol;
        Strength = strength;
        Flags = flags;

        // The table is code, so a name missing from the shared classification is a bug that every test
        // touching the table shows.
        Weaknesses = CipherSuiteClassification.TryClassify(ianaName, out var weaknesses)
            ? weaknesses
            : throw new ArgumentException("The cipher suite " + ianaName + " is missing from CipherSuiteClassification.", nameof(ianaName));
    }

    /// <summary>The OpenSSL name, as written in <c>ssl_ciphers</c>.</summary>
    public string Name { get; }

    public string IanaName { get; }

    /// <summary>The two-byte code point on the wire.</summary>
    public int Code { get; }

    public KeyExchange KeyExchange { get; }

    public Authentication Authentication { get; }

    public Encryption Encryption { get; }

    /// <summary>The effective strength OpenSSL sorts and filters by (112 for 3DES, not its 168 key bits).</summary>
    public int StrengthBits { get; }

    public MacAlgorithm Mac { get; }

    public CipherProtocol MinimumProtocol { get; }

    public CipherStrength Strength { get; }

    public CipherFlags Flags { get; }

    /// <summary>What NETSEC010 and NETSEC011 find wrong with the suite, from its IANA name.</summary>
    public CipherSuiteWeaknesses Weaknesses { get; }

    public override string ToString() => Name;
}
