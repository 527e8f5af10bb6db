using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Tls;

namespace NetSecAnalyzers.ConfigLinter.Tests.Tls;

/// <summary>
/// Compares the evaluator's expansion with the machine's <c>openssl ciphers -v</c>, over the suites both know:
/// an OpenSSL 3 build lacks the legacy suites the table keeps, and the table need not know a suite a newer
/// OpenSSL adds.
/// </summary>
public class CipherStringOpenSslTests
{
    private static readonly string[] Strings =
    {
        "HIGH:!aNULL:!MD5",
        "ALL",
        "DEFAULT",
        "ALL:COMPLEMENTOFALL",
        "COMPLEMENTOFDEFAULT",
        "ALL:!EXPORT:!LOW",
        "RC4-SHA:DES-CBC3-SHA",
        "ECDHE+AESGCM:!aNULL",
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305",
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA384:ECDHE-RSA-AES256-SHA384:ECDHE-ECDSA-AES256-SHA:ECDHE-RSA-AES256-SHA:DHE-RSA-AES128-SHA256:DHE-RSA-AES256-SHA256:AES128-GCM-SHA256:AES256-GCM-SHA384:AES128-SHA256:AES256-SHA256:AES128-SHA:AES256-SHA:DES-CBC3-SHA",
        "ALL:@SECLEVEL=0",
        "ALL:COMPLEMENTOFALL:@SECLEVEL=0",
        "HIGH:!aNULL:!MD5:@SECLEVEL=0",
        "ALL:-aRSA:aRSA+AESGCM",
        "HIGH:-kRSA:+AES256:@STRENGTH",
        "kEECDH+aRSA:kEDH+aRSA:!aNULL",
        "EECDH+AESGCM:EDH+AESGCM:AES256+EECDH:AES256+EDH",
        "HIGH:MEDIUM:!aNULL:!MD5:!RC4",
        "aNULL",
        "eNULL:NULL",
        "kRSA:!SHA1",
        "PSK:SRP:!aPSK",
        "CAMELLIA:ARIA:!DSS",
        "TLSv1.2:!TLSv1:!SSLv3",
        "SSLv3+HIGH:TLSv1+ECDSA",
        "HIGH+FIPS",
        "AES128:AES256:-AESCCM8:CHACHA20",
        "HIGH:BOGUS:!aNULL",
        "DEFAULT:!RSA:!DSS",
        "ALL,!aNULL;!eNULL !SHA1",
        "HIGH:DEFAULT",
        "HIGH!aNULL",
        "HIGH@STRENGTH:!kRSA",
        "HIGH::!MD5",
        "ECDHE+",
    };

    [OpenSslFact]
    public void Expansion_MatchesOpenSsl()
    {
        var known = OpenSsl.Ciphers("ALL:COMPLEMENTOFALL:@SECLEVEL=0").ToHashSet();
        var tableNames = CipherSuiteTable.Suites.Select(suite => suite.Name).ToHashSet();
        var mismatches = new List<string>();
        foreach (var cipherString in Strings)
        {
            var expected = OpenSsl.Ciphers(cipherString).Where(tableNames.Contains);
            var actual = CipherStringEvaluator.Evaluate(cipherString).Suites.Select(suite => suite.Name).Where(known.Contains);
            var missing = expected.Except(actual).ToList();
            var extra = actual.Except(expected).ToList();
            if (missing.Count + extra.Count > 0)
            {
                mismatches.Add(cipherString + ": missing " + string.Join(",", missing) + "; extra " + string.Join(",", extra));
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [OpenSslFact]
    public void Table_KnowsEverySuiteOfOpenSsl()
    {
        var tableNames = CipherSuiteTable.Suites.Select(suite => suite.Name).ToHashSet();

        Assert.All(OpenSsl.Ciphers("ALL:COMPLEMENTOFALL:@SECLEVEL=0"), name => Assert.Contains(name, tableNames));
    }
}
