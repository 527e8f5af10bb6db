using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Nginx.Rules;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

/// <summary>
/// The default server of each TLS socket decides the protocols and ciphers of the handshake, so
/// NETSEC001, NETSEC010 and NETSEC011 judge it and treat the name-based servers' own settings as ignored.
/// </summary>
public class NginxListenSocketsTests
{
    [Theory]
    [InlineData("443", "0.0.0.0:443")]
    [InlineData("*:443", "0.0.0.0:443")]
    [InlineData("0.0.0.0:443", "0.0.0.0:443")]
    [InlineData("[::]:443", "[::]:443")]
    [InlineData("[::]", "[::]:80")]
    [InlineData("10.0.0.1", "10.0.0.1:80")]
    [InlineData("Example.COM:8443", "example.com:8443")]
    [InlineData("unix:/run/nginx/tls.sock", "unix:/run/nginx/tls.sock")]
    public void Normalize_ListenAddress(string written, string expected)
    {
        Assert.Equal(expected, NginxListenSockets.Normalize(written));
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public void NameBasedServerProtocols_NoDiagnostic()
    {
        NginxFixture.AssertNoDiagnostic(RuleCatalog.LegacyTlsProtocol, """
            http {
              server {
                listen 443 ssl;
                server_name a.example;
                ssl_protocols TLSv1.2 TLSv1.3;
              }
              server {
                listen *:443 ssl;
                server_name b.example;
                ssl_protocols TLSv1 TLSv1.2;
              }
            }
            """);
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public void DefaultServerProtocols_ReportsWithIgnoredNote()
    {
        var finding = Assert.Single(NginxFixture.AssertReports(RuleCatalog.LegacyTlsProtocol, """
            http {
              server {
                listen 0.0.0.0:443 ssl;
                server_name b.example;
                ssl_protocols TLSv1.2;
              }
              server {
                listen 443 ssl default_server;
                server_name a.example;
                ssl_protocols [|TLSv1|] TLSv1.2;
              }
            }
            """));

        var note = Assert.Single(finding.RelatedLocations);
        Assert.Equal(5, note.Location.StartLine);
        Assert.Contains("\"ssl_protocols TLSv1.2\" is ignored", note.Message);
        Assert.Contains("0.0.0.0:443", note.Message);
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public void NameBasedServerProtocolsSince1292_Reports()
    {
        // nginx 1.29.2 applies ssl_protocols per name-based server (with OpenSSL 1.1.1 or newer).
        var options = new LintOptions { NginxVersion = new System.Version(1, 29, 2) };
        var finding = Assert.Single(NginxFixture.AssertReports(RuleCatalog.LegacyTlsProtocol, """
            http {
              server {
                listen 443 ssl;
                ssl_protocols TLSv1.2 TLSv1.3;
              }
              server {
                listen 443 ssl;
                server_name b.example;
                ssl_protocols [|TLSv1|] TLSv1.2;
              }
            }
            """, options));

        Assert.Empty(finding.RelatedLocations);
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public void FirstServerIsDefault_Reports()
    {
        NginxFixture.AssertReports(RuleCatalog.LegacyTlsProtocol, """
            http {
              server {
                listen 443 ssl;
                ssl_protocols [|TLSv1.1|] TLSv1.2;
              }
              server {
                listen 443 ssl;
                server_name b.example;
                ssl_protocols TLSv1.1 TLSv1.2;
              }
            }
            """);
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public void DifferentAddressesAreDifferentSockets_Reports()
    {
        NginxFixture.AssertReports(RuleCatalog.LegacyTlsProtocol, """
            http {
              server {
                listen 443 ssl;
                ssl_protocols TLSv1.2;
              }
              server {
                listen [::]:443 ssl;
                ssl_protocols [|TLSv1|] TLSv1.2;
              }
              server {
                listen unix:/run/tls.sock ssl;
                ssl_protocols [|TLSv1.1|] TLSv1.2;
              }
            }
            """);
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public void NameBasedServerWithoutProtocols_NoDiagnostic()
    {
        NginxFixture.AssertNoDiagnostic(RuleCatalog.LegacyTlsProtocol, """
            http {
              server {
                listen 443 ssl default_server;
                ssl_protocols TLSv1.2 TLSv1.3;
              }
              server {
                listen 443 ssl;
                server_name b.example;
              }
            }
            """);
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public void NameBasedServerWithOwnSocket_Reports()
    {
        // The second server is the default of 8443, so its own protocols decide there.
        NginxFixture.AssertReports(RuleCatalog.LegacyTlsProtocol, """
            http {
              server {
                listen 443 ssl;
                ssl_protocols TLSv1.2;
              }
              server {
                listen 443 ssl;
                listen 8443 ssl;
                ssl_protocols [|TLSv1|] TLSv1.2;
              }
            }
            """);
    }

    [Fact]
    [Trait("Rule", "NETSEC010")]
    public void NameBasedServerCiphers_NoDiagnostic()
    {
        NginxFixture.AssertNoDiagnostic(RuleCatalog.BrokenCipherSuites, """
            http {
              server {
                listen 443 ssl default_server;
                ssl_ciphers ECDHE+AESGCM;
              }
              server {
                listen 443 ssl;
                server_name b.example;
                ssl_ciphers RC4-SHA:ECDHE+AESGCM;
              }
            }
            """);
    }

    [Fact]
    [Trait("Rule", "NETSEC010")]
    public void DefaultServerCiphers_ReportsWithIgnoredNote()
    {
        var finding = Assert.Single(NginxFixture.AssertReports(RuleCatalog.BrokenCipherSuites, """
            http {
              server {
                listen 443 ssl default_server;
                ssl_ciphers [|RC4-SHA:ECDHE+AESGCM|];
              }
              server {
                listen 443 ssl;
                server_name b.example;
                ssl_ciphers ECDHE+AESGCM;
              }
            }
            """));

        Assert.Contains("\"ssl_ciphers ECDHE+AESGCM\" is ignored", Assert.Single(finding.RelatedLocations).Message);
    }

    [Fact]
    [Trait("Rule", "NETSEC011")]
    public void NameBasedServerOnDefaultCiphers_NoDiagnostic()
    {
        NginxFixture.AssertNoDiagnostic(RuleCatalog.CipherSuitesWithoutForwardSecrecy, """
            http {
              server {
                listen 443 ssl;
                ssl_ciphers ECDHE+AESGCM;
              }
              server {
                listen 443 ssl;
                server_name b.example;
              }
            }
            """);
    }

    [Fact]
    [Trait("Rule", "NETSEC011")]
    public void DefaultServerOnDefaultCiphers_Reports()
    {
        var findings = NginxFixture.AssertReports(RuleCatalog.CipherSuitesWithoutForwardSecrecy, """
            http {
              [|server|] {
                listen 443 ssl;
              }
              server {
                listen 443 ssl;
                server_name b.example;
                ssl_ciphers ECDHE+AESGCM;
              }
            }
            """);

        Assert.Contains("is ignored", Assert.Single(findings.Single().RelatedLocations).Message);
    }
}
