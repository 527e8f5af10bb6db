using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

[Trait("Rule", "NETSEC021")]
public class RevocationCheckDisabledRuleTests
{
    private const string Advice = " staples OCSP responses without verifying them; set ssl_stapling_verify on with ssl_trusted_certificate";

    [Fact]
    public void VerifyOffInServer_Reports()
    {
        var finding = AssertReports("""
            http {
              server {
                listen 443 ssl;
                ssl_stapling on;
                ssl_stapling_verify [|off|];
              }
            }
            """).Single();

        Assert.Equal("ssl_stapling_verify off" + Advice, finding.Message);
        Assert.Same(RuleCatalog.RevocationCheckDisabled, finding.Rule);
    }

    [Fact]
    public void VerifyOffInHttpForStaplingServers_ReportsOnce()
    {
        AssertReports("""
            http {
              ssl_stapling_verify [|off|];
              server { listen 443 ssl; ssl_stapling on; }
              server { listen 8443 ssl; ssl_stapling on; }
            }
            """);
    }

    [Fact]
    public void StaplingInheritedFromHttp_Reports()
    {
        AssertReports("""
            http {
              ssl_stapling on;
              server {
                listen 443 ssl;
                ssl_stapling_verify [|OFF|];
              }
            }
            """);
    }

    [Fact]
    public void VerifyLeftAtDefault_Reports()
    {
        var finding = AssertReports("""
            server {
              listen 443 ssl;
              ssl_stapling [|on|];
            }
            """).Single();

        Assert.Equal("ssl_stapling on without ssl_stapling_verify on" + Advice, finding.Message);
    }

    [Fact]
    public void StaplingInHttpOneServerWithoutVerify_ReportsOnce()
    {
        AssertReports("""
            http {
              ssl_stapling [|on|];
              server { listen 443 ssl; ssl_stapling_verify on; }
              server { listen 8443 ssl; }
              server { listen 9443 ssl; }
            }
            """);
    }

    [Fact]
    public void StreamServer_Reports()
    {
        AssertReports("""
            events {}
            stream {
              server {
                listen 6443 ssl;
                ssl_stapling on;
                ssl_stapling_verify [|off|];
              }
            }
            """);
    }

    [Fact]
    public void HttpSnippetWithoutServers_Reports()
    {
        AssertReports("ssl_stapling on;\nssl_stapling_verify [|off|];\nresolver 127.0.0.53;\n");
    }

    [Fact]
    public void VerifyOn_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            http {
              ssl_stapling on;
              ssl_stapling_verify on;
              server { listen 443 ssl; }
              server { listen 8443 ssl; ssl_stapling on; }
            }
            """);
    }

    [Theory]
    [InlineData("ssl_stapling_verify off;")]
    [InlineData("ssl_stapling off; ssl_stapling_verify off;")]
    [InlineData("ssl_stapling off;")]
    public void StaplingOff_NoDiagnostic(string directives)
    {
        AssertNoDiagnostic("http {\n  server { listen 443 ssl; " + directives + " }\n}\n");
    }

    [Fact]
    public void EveryServerOverridesVerifyOff_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            http {
              ssl_stapling on;
              ssl_stapling_verify off;
              server { listen 443 ssl; ssl_stapling_verify on; }
              server { listen 8443 ssl; ssl_stapling_verify on; }
            }
            """);
    }

    [Fact]
    public void VerifyOffOnlyWhereStaplingIsOff_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            http {
              ssl_stapling_verify off;
              server { listen 443 ssl; ssl_stapling on; ssl_stapling_verify on; }
              server { listen 8443 ssl; }
            }
            """);
    }

    [Theory]
    [InlineData("ssl_stapling on; ssl_stapling_verify off;")]
    [InlineData("ssl_stapling on;")]
    public void StaplingFromFile_NoDiagnostic(string directives)
    {
        // With ssl_stapling_file nginx staples the file's response and never queries a responder.
        AssertNoDiagnostic("http {\n  ssl_stapling_file /etc/nginx/tls/ocsp.der;\n  server { listen 443 ssl; " + directives + " }\n}\n");
    }

    [Fact]
    public void DirectivesWhereNginxRejectsThem_NoDiagnostic()
    {
        // The stapling directives are allowed in http, stream and their servers only.
        AssertNoDiagnostic("""
            http {
              server {
                listen 443 ssl;
                location / { ssl_stapling on; ssl_stapling_verify off; }
              }
            }
            """);
    }

    private static IReadOnlyList<Finding> AssertReports(string markup) =>
        NginxFixture.AssertReports(RuleCatalog.RevocationCheckDisabled, markup);

    private static void AssertNoDiagnostic(string text) =>
        NginxFixture.AssertNoDiagnostic(RuleCatalog.RevocationCheckDisabled, text);
}
