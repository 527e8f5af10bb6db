using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

[Trait("Rule", "NETSEC031")]
public class ClearTextUpstreamRuleTests
{
    [Fact]
    public void ProxyPassToRemoteHost_Reports()
    {
        var finding = AssertReports("""
            server {
              listen 443 ssl;
              location / { proxy_pass [|http://app:8080|]; }
            }
            """).Single();

        Assert.Equal("proxy_pass http://app:8080 sends requests to app:8080 over plain HTTP; use https://", finding.Message);
        Assert.Same(RuleCatalog.ClearTextHttpToRemoteHost, finding.Rule);
    }

    [Theory]
    [InlineData("http://10.0.0.5/api/")]
    [InlineData("HTTP://pacs.example.org")]
    [InlineData("http://[2001:db8::5]:8080")]
    [InlineData("http://128.0.0.1")]
    public void RemoteAddressForms_Reports(string url)
    {
        AssertReports("location / { proxy_pass [|" + url + "|]; }\n");
    }

    [Fact]
    public void PlainGrpcToRemoteHostAdvisesGrpcs_Reports()
    {
        var findings = AssertReports("""
            location /a { grpc_pass [|grpc://10.0.0.9:50051|]; }
            location /b { grpc_pass [|10.1.2.3:50051|]; }
            """).OrderBy(finding => finding.Location.StartLine).ToList();

        Assert.Equal("grpc_pass grpc://10.0.0.9:50051 sends requests to 10.0.0.9:50051 over plain HTTP; use grpcs://", findings[0].Message);
        Assert.Equal("grpc_pass 10.1.2.3:50051 sends requests to 10.1.2.3:50051 over plain HTTP; use grpcs://", findings[1].Message);
    }

    [Fact]
    public void UpstreamWithRemoteServer_Reports()
    {
        var finding = AssertReports("""
            upstream backend {
              server 127.0.0.1:9000;
              server 10.0.0.7:9000 backup;
            }
            server {
              location / { proxy_pass [|http://backend|]; }
            }
            """).Single();

        Assert.Equal("proxy_pass http://backend sends requests to upstream backend (server 10.0.0.7:9000) over plain HTTP; use https://", finding.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8002/api/")]
    [InlineData("http://127.8.9.10")]
    [InlineData("http://localhost:3000")]
    [InlineData("http://LOCALHOST")]
    [InlineData("http://[::1]:8080")]
    [InlineData("http://unix:/run/app.sock:/api/")]
    [InlineData("https://app.internal:8443")]
    public void LoopbackOrTlsUpstream_NoDiagnostic(string url)
    {
        AssertNoDiagnostic("location / { proxy_pass " + url + "; proxy_ssl_verify on; proxy_ssl_trusted_certificate /etc/ca.pem; }\n");
    }

    [Fact]
    public void UpstreamOfLoopbackServers_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            upstream app {
              server unix:/run/app.sock;
              server 127.0.0.1:8080;
              server localhost:8081;
            }
            server {
              location / { proxy_pass http://app; }
            }
            """);
    }

    [Fact]
    public void HostFromVariable_NoDiagnostic()
    {
        // Where $backend points is only known at run time.
        AssertNoDiagnostic("location / { proxy_pass http://$backend$request_uri; }\n");
    }

    [Fact]
    public void FastCgiAndStreamPasses_NoDiagnostic()
    {
        // FastCGI, uwsgi, SCGI and memcached are not HTTP, and a stream proxy_pass is plain TCP.
        var diagnostics = NginxFixture.Lint("""
            events {}
            http {
              server {
                location ~ \.php$ { fastcgi_pass 10.0.0.9:9000; }
                location /py { uwsgi_pass 10.0.0.9:3031; }
              }
            }
            stream {
              server { listen 5432; proxy_pass 10.0.0.10:5432; }
            }
            """);

        Assert.Empty(diagnostics.Notifications);
        Assert.Empty(NginxFixture.FindingsOf(diagnostics, RuleCatalog.ClearTextHttpToRemoteHost));
    }

    [Theory]
    [InlineData("return 301 https://$host$request_uri;")]
    [InlineData("return 444;")]
    [InlineData("set $target https://api.example.com; return 302 $target;")]
    public void ServerLevelReturnBeforeLocations_NoDiagnostic(string serverReturn)
    {
        // nginx runs the server's return in the rewrite phase, before it picks a location.
        AssertNoDiagnostic("""
            server {
              listen 80;
              server_name api.example.com;
              location / { proxy_pass http://api; }
            """ + "\n  " + serverReturn + "\n}\n");
    }

    [Theory]
    [InlineData("if ($scheme = http) { return 301 https://$host$request_uri; }")]
    [InlineData("rewrite ^/old/(.*)$ /new/$1 break;\n  return 301 https://$host$request_uri;")]
    [InlineData("location /health { return 200 ok; }")]
    public void ReturnThatDoesNotAlwaysRun_Reports(string serverLevel)
    {
        // A return inside if, after a rewrite with break, or in another location leaves this location reachable.
        AssertReports("""
            server {
              listen 80;
              location / { proxy_pass [|http://api|]; }
            """ + "\n  " + serverLevel + "\n}\n");
    }

    private static IReadOnlyList<Finding> AssertReports(string markup) =>
        NginxFixture.AssertReports(RuleCatalog.ClearTextHttpToRemoteHost, markup);

    private static void AssertNoDiagnostic(string text) =>
        NginxFixture.AssertNoDiagnostic(RuleCatalog.ClearTextHttpToRemoteHost, text);
}
