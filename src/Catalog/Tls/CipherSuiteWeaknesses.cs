using System;

namespace NetSecAnalyzers.Catalog.Tls;

/// <summary>
/// What is wrong with a TLS cipher suite. The first seven flags make a suite broken (NETSEC010); the last
/// two make it weak (NETSEC011).
/// </summary>
[Flags]
public enum CipherSuiteWeaknesses
{
    None = 0,
    NullEncryption = 1 << 0,
    Anonymous = 1 << 1,
    Export = 1 << 2,
    Rc4 = 1 << 3,
    Des = 1 << 4,
    TripleDes = 1 << 5,
    Md5 = 1 << 6,

    /// <summary>Static RSA, (EC)DH or Kerberos key exchange, or a pre-shared key or SRP password alone.</summary>
    NoForwardSecrecy = 1 << 7,

    /// <summary>A CBC or stream cipher with a separate MAC instead of an AEAD cipher.</summary>
    NoAead = 1 << 8,

    Broken = NullEncryption | Anonymous | Export | Rc4 | Des | TripleDes | Md5,
}
