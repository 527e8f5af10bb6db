using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

[Trait("Rule", "NETSEC020")]
public class UnverifiedCertificateRuleTests
{
    [Fact]
    public void ProxyPassHttpsWithoutVerify_Reports()
    {
        var finding = AssertReports("""
            server {
              location /lab/ { proxy_pass [|https://lab.example.com/|]; }
            }
            """).Single();

        Assert.Equal("proxy_pass https://lab.example.com/ does not verify the upstream certificate (proxy_ssl_verify is off by default); set proxy_ssl_verify on with proxy_ssl_trusted_certificate", finding.Message);
        Assert.Same(RuleCatalog.CertificateValidationDisabled, finding.Rule);
    }

    [Fact]
    public void GrpcAndUwsgiTwins_Reports()
    {
        var findings = AssertReports("""
            location /a { grpc_pass [|grpcs://orders:50051|]; }
            location /b { uwsgi_pass [|suwsgi://py.internal:3031|]; }
            """).OrderBy(finding => finding.Location.StartLine).ToList();

        Assert.EndsWith("(grpc_ssl_verify is off by default); set grpc_ssl_verify on with grpc_ssl_trusted_certificate", findings[0].Message);
        Assert.EndsWith("(uwsgi_ssl_verify is off by default); set uwsgi_ssl_verify on with uwsgi_ssl_trusted_certificate", findings[1].Message);
    }

    [Fact]
    public void GrpcVerifyWithoutTrustedCertificate_Reports()
    {
        var finding = AssertReports("""
            location / { grpc_pass [|grpcs://orders:50051|]; grpc_ssl_verify on; }
            """).Single();

        Assert.EndsWith("; add grpc_ssl_trusted_certificate with the CA bundle", finding.Message);
    }

    [Fact]
    public void InheritedExplicitOff_ReportsOnce()
    {
        var finding = AssertReports("""
            http {
              proxy_ssl_verify [|off|];
              server {
                location /a { proxy_pass https://a.example.com; }
                location /b { proxy_pass https://b.example.com; }
              }
            }
            """).Single();

        Assert.Equal("proxy_pass https://a.example.com does not verify the upstream certificate (proxy_ssl_verify off); set proxy_ssl_verify on with proxy_ssl_trusted_certificate", finding.Message);
    }

    [Fact]
    public void OffInSharedSnippet_ReportsPerLocation()
    {
        // Each include is its own directive, which the passes of its location reach, though the later reads
        // of the snippet share its tokens.
        using var folder = new TemporaryFolder();
        var snippet = folder.Write("snippets/upstream-tls.conf", "proxy_ssl_verify off;\n");
        var locations = string.Concat(Enumerable.Range(0, 6).Select(index =>
            "    location /" + index + "/ {\n      include snippets/upstream-tls.conf;\n      proxy_pass https://backend" + index + ".example.com;\n    }\n"));
        folder.Write("nginx.conf", "http {\n  server {\n    listen 8080;\n" + locations + "  }\n}\n");

        var result = new LintEngine().Lint(new[] { "nginx.conf" }, new LintOptions(), folder.Path);

        var findings = result.Findings.Where(finding => finding.Rule.Id == "NETSEC020").ToList();
        Assert.Equal(6, findings.Count);
        Assert.All(findings, finding => Assert.Equal(snippet, finding.Location.FilePath));
        Assert.Equal(
            Enumerable.Range(0, 6).Select(index => "proxy_pass https://backend" + index + ".example.com does not verify the upstream certificate (proxy_ssl_verify off); set proxy_ssl_verify on with proxy_ssl_trusted_certificate"),
            findings.Select(finding => finding.Message).OrderBy(message => message, System.StringComparer.Ordinal));
    }

    [Fact]
    public void LocationOverridesServerVerifyOn_Reports()
    {
        AssertReports("""
            server {
              proxy_ssl_verify on;
              proxy_ssl_trusted_certificate /etc/nginx/ca.pem;
              location /a { proxy_pass https://a.example.com; }
              location /b { proxy_ssl_verify [|off|]; proxy_pass https://b.example.com; }
            }
            """);
    }

    [Fact]
    public void VerifyWithoutTrustedCertificate_Reports()
    {
        // nginx refuses to start with this configuration ("no proxy_ssl_trusted_certificate for proxy_ssl_verify").
        var finding = AssertReports("""
            location / { proxy_pass [|https://127.0.0.1:18443|]; proxy_ssl_verify on; }
            """).Single();

        Assert.Equal("proxy_pass https://127.0.0.1:18443 sets proxy_ssl_verify on without proxy_ssl_trusted_certificate, so nginx has no CA to verify against and refuses to start; add proxy_ssl_trusted_certificate with the CA bundle", finding.Message);
    }

    [Fact]
    public void OptionalNoCaClientVerification_Reports()
    {
        var finding = AssertReports("""
            server {
              listen 443 ssl;
              ssl_verify_client [|optional_no_ca|];
            }
            """).Single();

        Assert.Equal("ssl_verify_client optional_no_ca requests a client certificate but accepts one that no trusted CA issued; use ssl_verify_client on with ssl_client_certificate", finding.Message);
        Assert.DoesNotContain("server certificate", finding.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void StreamProxySslWithoutVerify_Reports()
    {
        AssertReports("""
            events {}
            stream {
              proxy_ssl [|on|];
              server { listen 5000; proxy_pass 10.0.0.1:5000; }
              server { listen 5001; proxy_pass 10.0.0.2:5001; }
              server { listen 5002; proxy_pass 10.0.0.3:5002; proxy_ssl off; }
            }
            """);
    }

    [Fact]
    public void VerifiedUpstreams_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            events {}
            http {
              proxy_ssl_verify on;
              proxy_ssl_trusted_certificate /etc/nginx/ca.pem;
              server {
                listen 443 ssl;
                ssl_verify_client on;
                location /a { proxy_pass https://a.example.com; }
                location /g { grpc_pass grpcs://g:50051; grpc_ssl_verify on; grpc_ssl_trusted_certificate /etc/nginx/ca.pem; }
              }
            }
            stream {
              server { listen 5000; proxy_pass 10.0.0.1:5000; proxy_ssl on; proxy_ssl_verify on; proxy_ssl_trusted_certificate /etc/nginx/ca.pem; }
            }
            """);
    }

    [Fact]
    public void PlainUpstreamsAndOtherClientModes_NoDiagnostic()
    {
        // proxy_ssl_verify off matters only where a TLS upstream is reached.
        AssertNoDiagnostic("""
            proxy_ssl_verify off;
            server {
              listen 443 ssl;
              ssl_verify_client optional;
              location / { proxy_pass http://127.0.0.1:8080; }
              location /g { grpc_pass grpc://127.0.0.1:50051; }
            }
            """);
    }

    private static IReadOnlyList<Finding> AssertReports(string markup) =>
        NginxFixture.AssertReports(RuleCatalog.CertificateValidationDisabled, markup);

    private static void AssertNoDiagnostic(string text) =>
        NginxFixture.AssertNoDiagnostic(RuleCatalog.CertificateValidationDisabled, text);
}
