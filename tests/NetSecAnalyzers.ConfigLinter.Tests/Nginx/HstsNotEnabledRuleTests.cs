using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

[Trait("Rule", "NETSEC032")]
public class HstsNotEnabledRuleTests
{
    private const string Advice = " does not send Strict-Transport-Security; enable HSTS";

    [Fact]
    public void TlsServerWithoutHeaders_Reports()
    {
        var finding = AssertReports("""
            http {
              [|server|] {
                listen 443 ssl;
              }
            }
            """).Single();

        Assert.Equal("this TLS server" + Advice, finding.Message);
        Assert.Same(RuleCatalog.HstsNotEnabled, finding.Rule);
    }

    [Theory]
    [InlineData("listen 443 quic;")]
    [InlineData("listen 443; ssl on;")]
    public void OtherTlsForms_Reports(string tls)
    {
        AssertReports("http {\n  [|server|] {\n    " + tls + "\n  }\n}\n");
    }

    [Fact]
    public void OnlyLocationSetsIt_ReportsServer()
    {
        var finding = AssertReports("""
            [|server|] {
              listen 443 ssl;
              location /app/ {
                add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
              }
            }
            """).Single();

        Assert.Equal("this TLS server (only location /app/ sets it)" + Advice, finding.Message);
    }

    [Fact]
    public void EmptyValue_Reports()
    {
        var finding = AssertReports("""
            [|server|] {
              listen 443 ssl;
              add_header Strict-Transport-Security "" always;
            }
            """).Single();

        Assert.Equal("this TLS server (add_header Strict-Transport-Security \"\" always has an empty value, so nginx sends no header)" + Advice, finding.Message);
    }

    [Fact]
    public void InheritOffInServer_Reports()
    {
        var options = new LintOptions { NginxVersion = new System.Version(1, 29, 3) };

        NginxFixture.AssertReports(
            RuleCatalog.HstsNotEnabled,
            """
            http {
              add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
              [|server|] {
                listen 443 ssl;
                add_header_inherit off;
              }
            }
            """,
            options);
    }

    [Fact]
    public void InheritOffBeforeItsVersion_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            http {
              add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
              server {
                listen 443 ssl;
                add_header_inherit off;
              }
            }
            """);
    }

    [Fact]
    public void EachServerWithoutIt_Reports()
    {
        AssertReports("""
            http {
              [|server|] { listen 443 ssl; server_name a.example; }
              [|server|] { listen 443 ssl; server_name b.example; }
            }
            """);
    }

    [Theory]
    [InlineData("Strict-Transport-Security")]
    [InlineData("strict-transport-security")]
    [InlineData("\"STRICT-TRANSPORT-SECURITY\"")]
    public void HeaderInServerAnyCase_NoDiagnostic(string name)
    {
        AssertNoDiagnostic("server {\n  listen 443 ssl;\n  add_header " + name + " max-age=31536000;\n}\n");
    }

    [Fact]
    public void HeaderInheritedFromHttp_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            http {
              add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
              server { listen 443 ssl; }
            }
            """);
    }

    [Fact]
    public void VariableValue_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            http {
              map $scheme $hsts { https "max-age=31536000"; default ""; }
              server {
                listen 443 ssl;
                add_header Strict-Transport-Security $hsts always;
              }
            }
            """);
    }

    [Fact]
    public void PlainHttpServer_NoDiagnostic()
    {
        AssertNoDiagnostic("server {\n  listen 80;\n  return 301 https://$host$request_uri;\n}\n");
    }

    [Fact]
    public void StreamServer_NoDiagnostic()
    {
        AssertNoDiagnostic("stream {\n  server {\n    listen 443 ssl;\n    proxy_pass 127.0.0.1:8443;\n  }\n}\n");
    }

    /// <summary>The drop is NETSEC035's finding; this rule does not repeat it.</summary>
    [Fact]
    public void ServerDropsHttpHeader_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            http {
              add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
              server {
                listen 443 ssl;
                add_header X-Frame-Options DENY always;
              }
            }
            """);
    }

    [Fact]
    public void LocationDropsServerHeader_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            server {
              listen 443 ssl;
              add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
              location /assets/ {
                add_header Cache-Control public;
              }
            }
            """);
    }

    private static IReadOnlyList<Finding> AssertReports(string markup) =>
        NginxFixture.AssertReports(RuleCatalog.HstsNotEnabled, markup);

    private static void AssertNoDiagnostic(string text) =>
        NginxFixture.AssertNoDiagnostic(RuleCatalog.HstsNotEnabled, text);
}
