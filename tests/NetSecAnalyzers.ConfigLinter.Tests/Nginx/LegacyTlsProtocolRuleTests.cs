using System;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Nginx;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

[Trait("Rule", "NETSEC001")]
public class LegacyTlsProtocolRuleTests
{
    [Fact]
    public void SslProtocolsWithTlsV1_Reports()
    {
        var finding = AssertReports("""
            http {
              server {
                listen 443 ssl;
                ssl_protocols [|TLSv1 TLSv1.1|] TLSv1.2;
              }
            }
            """);

        Assert.Equal("ssl_protocols TLSv1 TLSv1.1 TLSv1.2 enables TLSv1 and TLSv1.1; allow only TLS 1.2 and TLS 1.3", finding.Message);
        Assert.Same(RuleCatalog.LegacyTlsProtocol, finding.Rule);
    }

    [Theory]
    [InlineData("proxy_ssl_protocols")]
    [InlineData("grpc_ssl_protocols")]
    [InlineData("uwsgi_ssl_protocols")]
    public void UpstreamProtocolDirective_Reports(string name)
    {
        var finding = AssertReports("http {\n  server {\n    location / {\n      " + name + " [|SSLv3|] TLSv1.2;\n    }\n  }\n}\n");

        Assert.StartsWith(name + " SSLv3 TLSv1.2 enables SSLv3;", finding.Message);
    }

    [Fact]
    public void StreamProtocols_Reports()
    {
        AssertReports("""
            stream {
              server {
                listen 12345 ssl;
                ssl_protocols TLSv1.2;
                proxy_ssl on;
                proxy_ssl_protocols [|TLSv1.1|];
              }
            }
            """);
    }

    [Fact]
    public void StreamProxySslWithoutProtocols_Reports()
    {
        var finding = AssertReports("""
            stream {
              [|server|] {
                listen 5432;
                proxy_pass 10.0.0.5:5432;
                proxy_ssl on;
              }
            }
            """);

        Assert.Equal(
            "proxy_ssl on in this server (no proxy_ssl_protocols; nginx 1.24.0 default \"TLSv1 TLSv1.1 TLSv1.2 TLSv1.3\") enables TLSv1 and TLSv1.1; allow only TLS 1.2 and TLS 1.3",
            finding.Message);
    }

    [Fact]
    public void StreamProxySslInherited_Reports()
    {
        AssertReports("""
            stream {
              proxy_ssl ON;
              [|server|] {
                listen 5432;
                proxy_pass 10.0.0.5:5432;
              }
            }
            """);
    }

    [Theory]
    [InlineData("stream {\n  server { listen 5432; proxy_pass 10.0.0.5:5432; proxy_ssl on; proxy_ssl_protocols TLSv1.2; }\n}\n")]
    [InlineData("stream {\n  proxy_ssl_protocols TLSv1.3;\n  server { listen 5432; proxy_pass 10.0.0.5:5432; proxy_ssl on; }\n}\n")]
    [InlineData("stream {\n  proxy_ssl on;\n  server { listen 5432; proxy_pass 10.0.0.5:5432; proxy_ssl off; }\n}\n")]
    [InlineData("stream {\n  server { listen 5432; proxy_pass 10.0.0.5:5432; }\n}\n")]
    public void StreamProxyWithoutLegacyDefault_NoDiagnostic(string text)
    {
        AssertNoDiagnostic(text);
    }

    [Fact]
    public void StreamProxySslOnCurrentVersion_NoDiagnostic()
    {
        var text = "stream {\n  server { listen 5432; proxy_pass 10.0.0.5:5432; proxy_ssl on; }\n}\n";

        AssertNoDiagnostic(text, new LintOptions { NginxVersion = new Version(1, 27, 3) });
    }

    [Fact]
    public void LowercaseProtocolName_Reports()
    {
        var finding = AssertReports("http {\n  ssl_protocols [|tlsv1|] TLSV1.3;\n}\n");

        Assert.EndsWith("enables TLSv1; allow only TLS 1.2 and TLS 1.3", finding.Message);
    }

    [Fact]
    public void RepeatedDirective_Reports()
    {
        var finding = AssertReports("""
            http {
              server {
                listen 443 ssl;
                ssl_protocols TLSv1.2 TLSv1.3;
                ssl_protocols [|TLSv1|];
              }
            }
            """);

        Assert.StartsWith("ssl_protocols TLSv1 enables TLSv1;", finding.Message);
    }

    [Fact]
    public void TlsServerWithoutProtocols_Reports()
    {
        var finding = AssertReports("""
            http {
              [|server|] {
                listen 443 ssl;
              }
            }
            """);

        Assert.Equal(
            "this TLS server (no ssl_protocols; nginx 1.24.0 default \"TLSv1 TLSv1.1 TLSv1.2 TLSv1.3\") enables TLSv1 and TLSv1.1; allow only TLS 1.2 and TLS 1.3",
            finding.Message);
    }

    [Theory]
    [InlineData("listen 443 quic; listen 443 ssl;")]
    [InlineData("listen [::]:443 ssl http2;")]
    [InlineData("listen 443; ssl on;")]
    public void TlsServerForms_Report(string listen)
    {
        AssertReports("http {\n  [|server|] { " + listen + " }\n}\n");
    }

    [Fact]
    public void SslOnInHttp_Reports()
    {
        AssertReports("http {\n  ssl on;\n  [|server|] { listen 443; }\n}\n");
    }

    [Fact]
    public void SnippetWithoutHttp_Reports()
    {
        AssertReports("""
            [|server|] {
              listen 443 ssl;
              server_name example.com;
            }
            """);
    }

    [Theory]
    [InlineData("1.0.11", "SSLv3 TLSv1", "SSLv3 and TLSv1")]
    [InlineData("1.1.12", "SSLv3 TLSv1", "SSLv3 and TLSv1")]
    [InlineData("1.0.12", "SSLv3 TLSv1 TLSv1.1 TLSv1.2", "SSLv3, TLSv1 and TLSv1.1")]
    [InlineData("1.8.0", "SSLv3 TLSv1 TLSv1.1 TLSv1.2", "SSLv3, TLSv1 and TLSv1.1")]
    [InlineData("1.9.1", "TLSv1 TLSv1.1 TLSv1.2", "TLSv1 and TLSv1.1")]
    [InlineData("1.23.3", "TLSv1 TLSv1.1 TLSv1.2", "TLSv1 and TLSv1.1")]
    [InlineData("1.27.2", "TLSv1 TLSv1.1 TLSv1.2 TLSv1.3", "TLSv1 and TLSv1.1")]
    public void OlderVersionDefault_Reports(string version, string defaults, string legacy)
    {
        var options = new LintOptions { NginxVersion = Version.Parse(version) };

        var finding = AssertReports("http {\n  [|server|] { listen 443 ssl; }\n}\n", options);

        Assert.Equal(
            "this TLS server (no ssl_protocols; nginx " + version + " default \"" + defaults + "\") enables " + legacy + "; allow only TLS 1.2 and TLS 1.3",
            finding.Message);
    }

    [Fact]
    public void HttpsProxyWithoutProtocols_ReportsOnServer()
    {
        var finding = AssertReports("""
            http {
              [|server|] {
                listen 80;
                location /api/ { proxy_pass https://10.0.0.2:8443; }
              }
            }
            """);

        Assert.Equal(
            "proxy_pass https://10.0.0.2:8443 in this server (no proxy_ssl_protocols; nginx 1.24.0 default \"TLSv1 TLSv1.1 TLSv1.2 TLSv1.3\") enables TLSv1 and TLSv1.1; allow only TLS 1.2 and TLS 1.3",
            finding.Message);
    }

    [Theory]
    [InlineData("grpc_pass grpcs://10.0.0.2:50051;")]
    [InlineData("uwsgi_pass suwsgi://10.0.0.2:3031;")]
    [InlineData("proxy_pass HTTPS://backend;")]
    public void TlsUpstreamPasses_Report(string pass)
    {
        AssertReports("http {\n  [|server|] {\n    listen 80;\n    location / { " + pass + " }\n  }\n}\n");
    }

    [Fact]
    public void ThreeHttpsProxiesWithoutProtocols_ReportsOncePerServer()
    {
        // One proxy_ssl_protocols in the server fixes all three, so there is one finding, not three.
        var findings = NginxFixture.AssertReports(RuleCatalog.LegacyTlsProtocol, """
            http {
              [|server|] {
                listen 80;
                location /a/ { proxy_pass https://10.0.0.2:8443; }
                location /b/ { proxy_pass https://10.0.0.3:8443; }
                location /c/ { proxy_pass https://10.0.0.4:8443; }
              }
              [|server|] {
                listen 8080;
                location / { grpc_pass grpcs://10.0.0.6:50051; }
              }
            }
            """);

        Assert.Equal(
            new[]
            {
                "proxy_pass https://10.0.0.2:8443 and 2 other proxy_pass directives in this server (no proxy_ssl_protocols; nginx 1.24.0 default \"TLSv1 TLSv1.1 TLSv1.2 TLSv1.3\") enables TLSv1 and TLSv1.1; allow only TLS 1.2 and TLS 1.3",
                "grpc_pass grpcs://10.0.0.6:50051 in this server (no grpc_ssl_protocols; nginx 1.24.0 default \"TLSv1 TLSv1.1 TLSv1.2 TLSv1.3\") enables TLSv1 and TLSv1.1; allow only TLS 1.2 and TLS 1.3",
            },
            findings.Select(finding => finding.Message));
    }

    [Fact]
    public void HttpsProxyInSnippetLocation_ReportsOnLocation()
    {
        // A conf.d snippet may hold a location outside any server; the fix then goes into that location.
        var finding = AssertReports("""
            [|location|] /api/ { proxy_pass https://10.0.0.2:8443; }
            """);

        Assert.StartsWith("proxy_pass https://10.0.0.2:8443 in this location (no proxy_ssl_protocols", finding.Message);
    }

    [Fact]
    public void HttpsProxyInIf_ReportsOnServer()
    {
        AssertReports("""
            http {
              [|server|] {
                listen 80;
                location / {
                  if ($request_method = POST) { proxy_pass https://10.0.0.2; }
                }
              }
            }
            """);
    }

    [Fact]
    public void DirectiveInIncludedFile_Reports()
    {
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "netsec-nginx-" + Guid.NewGuid().ToString("N"));
        try
        {
            System.IO.Directory.CreateDirectory(System.IO.Path.Combine(root, "snippets"));
            var snippet = System.IO.Path.Combine(root, "snippets", "tls.conf");
            var main = System.IO.Path.Combine(root, "nginx.conf");
            System.IO.File.WriteAllText(snippet, "ssl_protocols TLSv1.1 TLSv1.2;\n");
            System.IO.File.WriteAllText(main, "http {\n  server {\n    listen 443 ssl;\n    include snippets/*.conf;\n  }\n}\n");
            var diagnostics = new DiagnosticBag();

            NginxLinter.Lint(new[] { main }, new LintOptions(), diagnostics);

            var finding = Assert.Single(NginxFixture.FindingsOf(diagnostics, RuleCatalog.LegacyTlsProtocol));
            Assert.Equal(SourceLocation.OnLine(snippet, 1, 15, 7), finding.Location);
            Assert.Equal(SourceLocation.OnLine(main, 4, 5, 7), Assert.Single(finding.RelatedLocations).Location);
        }
        finally
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void UnknownProtocolName_IsInvalidValue()
    {
        var diagnostics = NginxFixture.Lint("http {\n  ssl_protocols TLSv1.2 TLSv1.4;\n}\n");

        var notification = Assert.Single(diagnostics.Notifications);
        Assert.Equal(NginxNotificationCodes.InvalidValue, notification.Code);
        Assert.Equal("invalid value \"TLSv1.4\"", notification.Message);
        Assert.Equal(SourceLocation.OnLine(NginxFixture.FilePath, 2, 25, 7), notification.Location);
        Assert.Empty(diagnostics.Findings);
    }

    [Fact]
    public void ModernProtocolsOnly_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            http {
              server {
                listen 443 ssl;
                ssl_protocols TLSv1.2 TLSv1.3;
                location / { proxy_pass https://10.0.0.2; proxy_ssl_protocols TLSv1.2; }
              }
            }
            """);
    }

    [Fact]
    public void ProtocolsInheritedFromHttp_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            http {
              ssl_protocols TLSv1.2;
              server { listen 443 ssl; }
              server { listen 8443 ssl; }
            }
            """);
    }

    [Theory]
    [InlineData("http {\n  proxy_ssl_protocols TLSv1.2;\n  server { listen 80; location / { proxy_pass https://10.0.0.2; } }\n}\n")]
    [InlineData("http {\n  server { listen 80; proxy_ssl_protocols TLSv1.3; location / { proxy_pass https://10.0.0.2; } }\n}\n")]
    [InlineData("http {\n  server { listen 80; location / { grpc_ssl_protocols TLSv1.2; grpc_pass grpcs://10.0.0.2; } }\n}\n")]
    public void ProxyProtocolsInherited_NoDiagnostic(string text)
    {
        AssertNoDiagnostic(text);
    }

    [Theory]
    [InlineData("proxy_pass http://10.0.0.2;")]
    [InlineData("proxy_pass $scheme://backend;")]
    [InlineData("grpc_pass grpc://10.0.0.2:50051;")]
    public void PlainUpstream_NoDiagnostic(string pass)
    {
        AssertNoDiagnostic("http {\n  server {\n    listen 80;\n    location / { " + pass + " }\n  }\n}\n");
    }

    [Fact]
    public void PlainHttpServerWithoutProxy_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            http {
              server {
                listen 80;
                listen 8080 default_server;
                location / { root /srv/www; }
              }
            }
            """);
    }

    [Theory]
    [InlineData("1.27.3")]
    [InlineData("1.28.0")]
    public void CurrentVersionDefault_NoDiagnostic(string version)
    {
        var text = "http {\n  server {\n    listen 443 ssl;\n    location / { proxy_pass https://10.0.0.2; }\n  }\n}\n";

        AssertNoDiagnostic(text, new LintOptions { NginxVersion = Version.Parse(version) });
    }

    [Fact]
    public void QuicOnlyServer_NoDiagnostic()
    {
        // QUIC always negotiates TLS 1.3, so the TCP protocol default does not apply to it.
        AssertNoDiagnostic("http {\n  server { listen 443 quic reuseport; }\n}\n");
    }

    [Fact]
    public void UppercaseDirectiveName_NoDiagnostic()
    {
        // nginx matches directive names case-sensitively, so this is an unknown directive, not ssl_protocols.
        AssertNoDiagnostic("http {\n  SSL_PROTOCOLS TLSv1;\n}\n");
    }

    [Fact]
    public void ProtocolNamesInEntriesAndLua_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            http {
              map $host $policy { ssl_protocols TLSv1; }
              server {
                listen 80;
                content_by_lua_block { ssl_protocols = "TLSv1" }
              }
            }
            """);
    }

    [Fact]
    public void SslOffAndUpstreamServer_NoDiagnostic()
    {
        AssertNoDiagnostic("http {\n  ssl off;\n  upstream app { server 10.0.0.2:443; }\n  server { listen 443; }\n}\n");
    }

    private static Finding AssertReports(string markup, LintOptions? options = null) =>
        Assert.Single(NginxFixture.AssertReports(RuleCatalog.LegacyTlsProtocol, markup, options));

    private static void AssertNoDiagnostic(string text, LintOptions? options = null) =>
        NginxFixture.AssertNoDiagnostic(RuleCatalog.LegacyTlsProtocol, text, options);
}
