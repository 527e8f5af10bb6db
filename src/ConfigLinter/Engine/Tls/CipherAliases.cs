using System;
using System.Collections.Generic;

namespace NetSecAnalyzers.ConfigLinter.Tls;

/// <summary>
/// The group names of OpenSSL's cipher-string language (case-sensitive, as in OpenSSL). The set is OpenSSL
/// 3's, plus the names OpenSSL 1.0.2 had for export and static (EC)DH suites, which newer versions ignore as
/// unknown words and which select only suites those versions do not have.
/// </summary>
internal static class CipherAliases
{
    /// <summary>The string <c>DEFAULT</c> stands for when it opens a cipher string (OpenSSL 1.1.0 and later).</summary>
    public const string DefaultList = "ALL:!COMPLEMENTOFDEFAULT:!eNULL";

    private const Enc AllButNull = (Enc)~(int)Enc.Null;

    private const Au Authenticated = (Au)~(int)Au.Null;

    private static readonly Dictionary<string, CipherPattern> Aliases = Build();

    public static CipherPattern? Find(string word) =>
        Aliases.TryGetValue(word, out var pattern) ? pattern : null;

    private static Dictionary<string, CipherPattern> Build()
    {
        var aliases = new Dictionary<string, CipherPattern>(StringComparer.Ordinal)
        {
            ["ALL"] = new(encryption: AllButNull),
            ["COMPLEMENTOFALL"] = new(encryption: Enc.Null),
            ["COMPLEMENTOFDEFAULT"] = new(notDefault: true),
            ["HIGH"] = new(strength: (int)CipherStrength.High),
            ["MEDIUM"] = new(strength: (int)CipherStrength.Medium),
            ["LOW"] = new(strength: (int)CipherStrength.Low),
            ["FIPS"] = new(strength: CipherPattern.FipsBit),
            ["kRSA"] = new(Kx.Rsa),
            ["RSA"] = new(Kx.Rsa),
            ["kDHE"] = new(Kx.Dhe),
            ["kEDH"] = new(Kx.Dhe),
            ["DH"] = new(Kx.Dhe),
            ["DHE"] = new(Kx.Dhe, Authenticated),
            ["EDH"] = new(Kx.Dhe, Authenticated),
            ["ADH"] = new(Kx.Dhe, Au.Null),
            ["kECDHE"] = new(Kx.Ecdhe),
            ["kEECDH"] = new(Kx.Ecdhe),
            ["ECDH"] = new(Kx.Ecdhe),
            ["ECDHE"] = new(Kx.Ecdhe, Authenticated),
            ["EECDH"] = new(Kx.Ecdhe, Authenticated),
            ["AECDH"] = new(Kx.Ecdhe, Au.Null),
            ["kPSK"] = new(Kx.Psk),
            ["kRSAPSK"] = new(Kx.RsaPsk),
            ["kDHEPSK"] = new(Kx.DhePsk),
            ["kECDHEPSK"] = new(Kx.EcdhePsk),
            ["PSK"] = new(Kx.AnyPsk),
            ["kSRP"] = new(Kx.Srp),
            ["SRP"] = new(Kx.Srp),
            ["aRSA"] = new(authentication: Au.Rsa),
            ["aDSS"] = new(authentication: Au.Dss),
            ["DSS"] = new(authentication: Au.Dss),
            ["aECDSA"] = new(authentication: Au.Ecdsa),
            ["ECDSA"] = new(authentication: Au.Ecdsa),
            ["aNULL"] = new(authentication: Au.Null),
            ["aPSK"] = new(authentication: Au.Psk),
            ["aSRP"] = new(authentication: Au.Srp),
            ["eNULL"] = new(encryption: Enc.Null),
            ["NULL"] = new(encryption: Enc.Null),
            ["DES"] = new(encryption: Enc.Des),
            ["3DES"] = new(encryption: Enc.TripleDes),
            ["RC4"] = new(encryption: Enc.Rc4),
            ["RC2"] = new(encryption: Enc.Rc2),
            ["IDEA"] = new(encryption: Enc.Idea),
            ["SEED"] = new(encryption: Enc.Seed),
            ["AES128"] = new(encryption: Enc.AllAes128),
            ["AES256"] = new(encryption: Enc.AllAes256),
            ["AES"] = new(encryption: Enc.AllAes128 | Enc.AllAes256),
            ["AESGCM"] = new(encryption: Enc.AesGcm),
            ["AESCCM"] = new(encryption: Enc.AesCcm),
            ["AESCCM8"] = new(encryption: Enc.Aes128Ccm8 | Enc.Aes256Ccm8),
            ["CAMELLIA128"] = new(encryption: Enc.Camellia128),
            ["CAMELLIA256"] = new(encryption: Enc.Camellia256),
            ["CAMELLIA"] = new(encryption: Enc.Camellia),
            ["CHACHA20"] = new(encryption: Enc.ChaCha20),
            ["ARIA128"] = new(encryption: Enc.Aria128Gcm),
            ["ARIA256"] = new(encryption: Enc.Aria256Gcm),
            ["ARIA"] = new(encryption: Enc.AriaGcm),
            ["ARIAGCM"] = new(encryption: Enc.AriaGcm),
            ["CBC"] = new(encryption: Enc.Cbc),
            ["MD5"] = new(mac: MacAlg.Md5),
            ["SHA1"] = new(mac: MacAlg.Sha1),
            ["SHA"] = new(mac: MacAlg.Sha1),
            ["SHA256"] = new(mac: MacAlg.Sha256),
            ["SHA384"] = new(mac: MacAlg.Sha384),
            ["SSLv3"] = new(protocol: CipherProtocol.Ssl3),
            ["TLSv1"] = new(protocol: CipherProtocol.Tls10),
            ["TLSv1.0"] = new(protocol: CipherProtocol.Tls10),
            ["TLSv1.2"] = new(protocol: CipherProtocol.Tls12),

            // OpenSSL 1.0.2 only; OpenSSL 1.1.0 and later ignore these words.
            ["EXPORT"] = new(strength: (int)CipherStrength.Export),
            ["EXP"] = new(strength: (int)CipherStrength.Export),
            ["kECDH"] = new(Kx.EcdhStatic),
            ["kECDHr"] = new(Kx.EcdhStatic, Au.Rsa),
            ["kECDHe"] = new(Kx.EcdhStatic, Au.Ecdsa),
            ["kDH"] = new(Kx.DhStatic),
            ["kDHr"] = new(Kx.DhStatic, Au.Rsa),
            ["kDHd"] = new(Kx.DhStatic, Au.Dss),
        };

        foreach (var suite in CipherSuiteTable.Suites)
        {
            aliases[suite.Name] = CipherPattern.Of(suite);
        }

        return aliases;
    }
}
