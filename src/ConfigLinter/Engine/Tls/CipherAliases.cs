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

    private const Encryption AllButNull = (Encryption)~(int)Encryption.Null;

    private const Authentication Authenticated = (Authentication)~(int)Authentication.Null;

    private static readonly Dictionary<string, CipherPattern> Aliases = Build();

    public static CipherPattern? Find(string word) =>
        Aliases.TryGetValue(word, out var pattern) ? pattern : null;

    private static Dictionary<string, CipherPattern> Build()
    {
        var aliases = new Dictionary<string, CipherPattern>(StringComparer.Ordinal)
        {
            ["ALL"] = new(encryption: AllButNull),
            ["COMPLEMENTOFALL"] = new(encryption: Encryption.Null),
            ["COMPLEMENTOFDEFAULT"] = new(notDefault: true),
            ["HIGH"] = new(strength: (int)CipherStrength.High),
            ["MEDIUM"] = new(strength: (int)CipherStrength.Medium),
            ["LOW"] = new(strength: (int)CipherStrength.Low),
            ["FIPS"] = new(strength: CipherPattern.FipsBit),
            ["kRSA"] = new(KeyExchange.Rsa),
            ["RSA"] = new(KeyExchange.Rsa),
            ["kDHE"] = new(KeyExchange.Dhe),
            ["kEDH"] = new(KeyExchange.Dhe),
            ["DH"] = new(KeyExchange.Dhe),
            ["DHE"] = new(KeyExchange.Dhe, Authenticated),
            ["EDH"] = new(KeyExchange.Dhe, Authenticated),
            ["ADH"] = new(KeyExchange.Dhe, Authentication.Null),
            ["kECDHE"] = new(KeyExchange.Ecdhe),
            ["kEECDH"] = new(KeyExchange.Ecdhe),
            ["ECDH"] = new(KeyExchange.Ecdhe),
            ["ECDHE"] = new(KeyExchange.Ecdhe, Authenticated),
            ["EECDH"] = new(KeyExchange.Ecdhe, Authenticated),
            ["AECDH"] = new(KeyExchange.Ecdhe, Authentication.Null),
            ["kPSK"] = new(KeyExchange.Psk),
            ["kRSAPSK"] = new(KeyExchange.RsaPsk),
            ["kDHEPSK"] = new(KeyExchange.DhePsk),
            ["kECDHEPSK"] = new(KeyExchange.EcdhePsk),
            ["PSK"] = new(KeyExchange.AnyPsk),
            ["kSRP"] = new(KeyExchange.Srp),
            ["SRP"] = new(KeyExchange.Srp),
            ["aRSA"] = new(authentication: Authentication.Rsa),
            ["aDSS"] = new(authentication: Authentication.Dss),
            ["DSS"] = new(authentication: Authentication.Dss),
            ["aECDSA"] = new(authentication: Authentication.Ecdsa),
            ["ECDSA"] = new(authentication: Authentication.Ecdsa),
            ["aNULL"] = new(authentication: Authentication.Null),
            ["aPSK"] = new(authentication: Authentication.Psk),
            ["aSRP"] = new(authentication: Authentication.Srp),
            ["eNULL"] = new(encryption: Encryption.Null),
            ["NULL"] = new(encryption: Encryption.Null),
            ["DES"] = new(encryption: Encryption.Des),
            ["3DES"] = new(encryption: Encryption.TripleDes),
            ["RC4"] = new(encryption: Encryption.Rc4),
            ["RC2"] = new(encryption: Encryption.Rc2),
            ["IDEA"] = new(encryption: Encryption.Idea),
            ["SEED"] = new(encryption: Encryption.Seed),
            ["AES128"] = new(encryption: Encryption.AllAes128),
            ["AES256"] = new(encryption: Encryption.AllAes256),
            ["AES"] = new(encryption: Encryption.AllAes128 | Encryption.AllAes256),
            ["AESGCM"] = new(encryption: Encryption.AesGcm),
            ["AESCCM"] = new(encryption: Encryption.AesCcm),
            ["AESCCM8"] = new(encryption: Encryption.Aes128Ccm8 | Encryption.Aes256Ccm8),
            ["CAMELLIA128"] = new(encryption: Encryption.Camellia128),
            ["CAMELLIA256"] = new(encryption: Encryption.Camellia256),
            ["CAMELLIA"] = new(encryption: Encryption.Camellia),
            ["CHACHA20"] = new(encryption: Encryption.ChaCha20),
            ["ARIA128"] = new(encryption: Encryption.Aria128Gcm),
            ["ARIA256"] = new(encryption: Encryption.Aria256Gcm),
            ["ARIA"] = new(encryption: Encryption.AriaGcm),
            ["ARIAGCM"] = new(encryption: Encryption.AriaGcm),
            ["CBC"] = new(encryption: Encryption.Cbc),
            ["MD5"] = new(mac: MacAlgorithm.Md5),
            ["SHA1"] = new(mac: MacAlgorithm.Sha1),
            ["SHA"] = new(mac: MacAlgorithm.Sha1),
            ["SHA256"] = new(mac: MacAlgorithm.Sha256),
            ["SHA384"] = new(mac: MacAlgorithm.Sha384),
            ["SSLv3"] = new(protocol: CipherProtocol.Ssl3),
            ["TLSv1"] = new(protocol: CipherProtocol.Tls10),
            ["TLSv1.0"] = new(protocol: CipherProtocol.Tls10),
            ["TLSv1.2"] = new(protocol: CipherProtocol.Tls12),

            // OpenSSL 1.0.2 only; OpenSSL 1.1.0 and later ignore these words.
            ["EXPORT"] = new(strength: (int)CipherStrength.Export),
            ["EXP"] = new(strength: (int)CipherStrength.Export),
            ["kECDH"] = new(KeyExchange.EcdhStatic),
            ["kECDHr"] = new(KeyExchange.EcdhStatic, Authentication.Rsa),
            ["kECDHe"] = new(KeyExchange.EcdhStatic, Authentication.Ecdsa),
            ["kDH"] = new(KeyExchange.DhStatic),
            ["kDHr"] = new(KeyExchange.DhStatic, Authentication.Rsa),
            ["kDHd"] = new(KeyExchange.DhStatic, Authentication.Dss),
        };

        foreach (var suite in CipherSuiteTable.Suites)
        {
            aliases[suite.Name] = CipherPattern.Of(suite);
        }

        return aliases;
    }
}
