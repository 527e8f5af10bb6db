using System.Collections.Generic;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

[Trait("Rule", "NETSEC010")]
public class BrokenCipherSuitesRuleTests
{
    [Fact]
    public void ExplicitRc4And3Des_Reports()
    {
        var finding = AssertReports("""
            http {
              server {
                listen 443 ssl;
                ssl_ciphers [|RC4-SHA:DES-CBC3-SHA:ECDHE-RSA-AES128-GCM-SHA256|];
              }
            }
            """)[0];

        Assert.Equal(
            "ssl_ciphers RC4-SHA:DES-CBC3-SHA:ECDHE-RSA-AES128-GCM-SHA256 allows 2 broken suites (RC4, 3DES), e.g. RC4-SHA, DES-CBC3-SHA; allow only suites with authenticated key exchange and strong encryption",
            finding.Message);
    }

    [Fact]
    public void AllWithoutExclusions_Reports()
    {
        var finding = AssertReports("http {\n  ssl_ciphers [|ALL|];\n  server { listen 443 ssl; }\n  server { listen 8443 ssl; }\n}\n")[0];

        Assert.Contains("broken suites (anonymous, EXPORT, RC4, DES, 3DES, MD5), e.g. ", finding.Message);
    }

    [Theory]
    [InlineData("proxy_ssl_ciphers")]
    [InlineData("grpc_ssl_ciphers")]
    [InlineData("uwsgi_ssl_ciphers")]
    public void UpstreamCipherDirective_Reports(string name) =>
        AssertReports("http {\n  server {\n    location / {\n      " + name + " [|aNULL|];\n    }\n  }\n}\n");

    [Fact]
    public void StreamServer_Reports() =>
        AssertReports("stream {\n  server {\n    listen 5000 ssl;\n    ssl_ciphers [|HIGH:eNULL|];\n  }\n}\n");

    [Fact]
    public void ReAddedAfterDelete_Reports() =>
        AssertReports("http {\n  ssl_ciphers [|HIGH:-aNULL:ADH-AES128-SHA|];\n}\n");

    [Fact]
    public void NginxDefaultString_NoDiagnostic() =>
        AssertNoDiagnostic("http {\n  server {\n    listen 443 ssl;\n    ssl_ciphers HIGH:!aNULL:!MD5;\n  }\n}\n");

    [Fact]
    public void KilledBeforeReAdd_NoDiagnostic() =>
        AssertNoDiagnostic("http {\n  ssl_ciphers ALL:!aNULL:!eNULL:!EXPORT:!RC4:!DES:!3DES:!MD5:ADH-AES128-SHA;\n}\n");

    [Fact]
    public void SecurityLevelRemovesAnonymous_NoDiagnostic() =>
        AssertNoDiagnostic("http {\n  ssl_ciphers HIGH:@SECLEVEL=2;\n}\n");

    [Fact]
    public void ServerWithoutSslCiphers_NoDiagnostic() =>
        AssertNoDiagnostic("http {\n  server {\n    listen 443 ssl;\n  }\n}\n");

    [Fact]
    public void OpenSslDefault_NoDiagnostic() =>
        AssertNoDiagnostic("http {\n  server {\n    location / {\n      proxy_ssl_ciphers DEFAULT;\n    }\n  }\n}\n");

    [Theory]
    [InlineData("HIHG:!aNULL", "no cipher suite matches \"HIHG:!aNULL\"")]
    [InlineData("ECDHE+AESGCM:@SECLEVL=2", "unknown command \"@SECLEVL=2\"")]
    [InlineData("RC4-SHA:@NOSUCH", "unknown command \"@NOSUCH\"")]
    public void StringOpenSslRejects_ReportsInvalidValue(string cipherString, string reason)
    {
        var diagnostics = NginxFixture.Lint("http {\n  ssl_ciphers \"" + cipherString + "\";\n}\n");

        var error = Assert.Single(diagnostics.Notifications, notification => notification.Code == "nginx-invalid-value");
        Assert.Equal(NotificationLevel.Error, error.Level);
        Assert.Equal("SSL_CTX_set_cipher_list(\"" + cipherString + "\") failed (" + reason + "), so nginx does not start", error.Message);
        Assert.Equal(2, error.Location!.StartLine);
        Assert.Equal(15, error.Location.StartColumn);
        Assert.DoesNotContain(diagnostics.Findings, finding => finding.Rule.Id == RuleIds.BrokenCipherSuites);
    }

    private static IReadOnlyList<Finding> AssertReports(string markup) =>
        NginxFixture.AssertReports(RuleCatalog.BrokenCipherSuites, markup);

    private static void AssertNoDiagnostic(string text) =>
        NginxFixture.AssertNoDiagnostic(RuleCatalog.BrokenCipherSuites, text);
}
