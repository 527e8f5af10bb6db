using System.Collections.Generic;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

[Trait("Rule", "NETSEC011")]
public class CipherSuitesWithoutForwardSecrecyRuleTests
{
    [Fact]
    public void StaticRsaSuites_Reports()
    {
        var finding = AssertReports("http {\n  server {\n    listen 443 ssl;\n    ssl_ciphers [|AES256-SHA:AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256|];\n  }\n}\n")[0];

        Assert.Equal(
            "ssl_ciphers AES256-SHA:AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256 enables 2 suites without forward secrecy, e.g. AES256-SHA, AES128-SHA; prefer ECDHE key exchange with AES-GCM or ChaCha20-Poly1305",
            finding.Message);
    }

    [Fact]
    public void EcdheCbcSuites_Reports()
    {
        var finding = AssertReports("http {\n  ssl_ciphers [|ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256|];\n}\n")[0];

        Assert.Contains("enables 1 CBC suite without AEAD, e.g. ECDHE-RSA-AES128-SHA;", finding.Message);
    }

    [Fact]
    public void ServerOnNginxDefault_Reports()
    {
        var finding = AssertReports("http {\n  [|server|] {\n    listen 443 ssl;\n  }\n}\n")[0];

        Assert.StartsWith("this TLS server (no ssl_ciphers; nginx default \"HIGH:!aNULL:!MD5\") enables ", finding.Message);
        Assert.Contains("without forward secrecy, e.g. AES256-GCM-SHA384", finding.Message);
    }

    [Fact]
    public void HttpLevelValue_ReportsOnce() =>
        AssertReports("http {\n  ssl_ciphers [|HIGH:!aNULL:!MD5|];\n  server { listen 443 ssl; }\n  server { listen 8443 ssl; }\n}\n");

    [Fact]
    public void BrokenSuitesLeftToNetsec010_NoDiagnostic() =>
        AssertNoDiagnostic("http {\n  ssl_ciphers RC4-SHA:DES-CBC3-SHA:ECDHE-RSA-AES128-GCM-SHA256;\n}\n");

    [Fact]
    public void EcdheAeadOnly_NoDiagnostic() =>
        AssertNoDiagnostic("http {\n  server {\n    listen 443 ssl;\n    ssl_ciphers ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL;\n  }\n}\n");

    [Fact]
    public void SecurityLevelThreeAndSha256Exclusions_NoDiagnostic() =>
        AssertNoDiagnostic("http {\n  ssl_ciphers \"HIGH:!aNULL:!SHA1:!SHA256:!SHA384:@SECLEVEL=3\";\n}\n");

    [Fact]
    public void PlainHttpServer_NoDiagnostic() =>
        AssertNoDiagnostic("http {\n  server {\n    listen 80;\n  }\n}\n");

    [Fact]
    public void UpstreamWithoutProxySslCiphers_NoDiagnostic() =>
        AssertNoDiagnostic("http {\n  server {\n    listen 80;\n    location / { proxy_pass https://10.0.0.5; }\n  }\n}\n");

    private static IReadOnlyList<Finding> AssertReports(string markup) =>
        NginxFixture.AssertReports(RuleCatalog.CipherSuitesWithoutForwardSecrecy, markup);

    private static void AssertNoDiagnostic(string text) =>
        NginxFixture.AssertNoDiagnostic(RuleCatalog.CipherSuitesWithoutForwardSecrecy, text);
}
