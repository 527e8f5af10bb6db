using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

[Trait("Rule", "NETSEC030")]
public class HttpsNotEnforcedRuleTests
{
    private const string Advice = " serves content over plain HTTP; redirect requests to HTTPS";

    [Fact]
    public void PlainServerProxies_Reports()
    {
        var finding = AssertReports("""
            server {
              listen 80;
              server_name example.com;
              location / { [|proxy_pass|] http://127.0.0.1:8002; }
            }
            """).Single();

        Assert.Equal("location / (proxy_pass http://127.0.0.1:8002) in server example.com on port 80" + Advice, finding.Message);
        Assert.Same(RuleCatalog.HttpsNotEnforced, finding.Rule);
    }

    [Fact]
    public void ServerLevelRootServes_ReportsOnServer()
    {
        var finding = AssertReports("""
            [|server|] {
              listen 8080;
              server_name shop.example.com;
              root /var/www/shop;
            }
            """).Single();

        Assert.Equal("server shop.example.com on port 8080 (root /var/www/shop)" + Advice, finding.Message);
    }

    [Fact]
    public void ServerWithoutListen_Reports()
    {
        var finding = AssertReports("""
            root /srv/www;
            [|server|] { server_name _; }
            """).Single();

        Assert.Equal("the server on nginx's default port 80 (root /srv/www from an outer block)" + Advice, finding.Message);
    }

    [Fact]
    public void EachContentForm_Reports()
    {
        AssertReports("""
            server {
              listen 80;
              location /api/ { [|fastcgi_pass|] unix:/run/php.sock; }
              location /files/ { [|alias|] /srv/files/; }
              location /static/ { [|root|] /srv; }
              location = /health { [|return|] 200 "ok"; }
              location /gone { [|return|] 410 "moved away"; }
              location /admin/ { limit_except GET { [|uwsgi_pass|] 127.0.0.1:3031; } }
              [|location|] /inherited/ { }
              location / { return 301 https://$host$request_uri; }
            }
            """);
    }

    [Fact]
    public void MixedServerWithoutSchemeRedirect_Reports()
    {
        AssertReports("""
            server {
              listen 80;
              listen 443 ssl;
              location / { [|proxy_pass|] http://127.0.0.1:8002; }
            }
            """);
    }

    [Fact]
    public void MixedLocationsOnlyContentOneReported_Reports()
    {
        AssertReports("""
            server {
              listen 80;
              location /.well-known/acme-challenge/ { root /var/www/acme; }
              location /legacy/ { [|proxy_pass|] http://127.0.0.1:9000; }
              location / { return 308 https://example.com$request_uri; }
            }
            """);
    }

    [Fact]
    public void ServerLevelReturnWithBody_Reports()
    {
        AssertReports("""
            server {
              listen 0.0.0.0:80;
              [|return|] 200 "maintenance";
            }
            """);
    }

    [Fact]
    public void LongReturnBody_ReportsShortenedBody()
    {
        var finding = AssertReports("""
            server {
              listen 80;
              location / { [|return|] 200 "<html>\n<body>Maintenance until Monday, see the status page</body>\n</html>"; }
            }
            """).Single();

        Assert.Equal("location / (return 200 \"<html>\\n<body>Maintenance until Monday, ...\") in the server on port 80" + Advice, finding.Message);
    }

    [Theory]
    [InlineData("return 301 https://$host$request_uri;")]
    [InlineData("return 302 https://example.com$request_uri;")]
    [InlineData("return https://example.com$request_uri;")]
    [InlineData("return 444;")]
    [InlineData("rewrite ^ https://$server_name$request_uri? permanent;")]
    [InlineData("rewrite ^(.*)$ https://example.com$1 redirect;")]
    [InlineData("if ($scheme = http) { return 301 https://$host$request_uri; }")]
    [InlineData("if ($scheme != \"https\") { return 301 https://$host$request_uri; }")]
    [InlineData("if ( $http_x_forwarded_proto = http ) { return 301 https://$host$request_uri; }")]
    public void ServerRedirectsEverything_NoDiagnostic(string redirect)
    {
        AssertNoDiagnostic("server {\n  listen 80;\n  root /var/www;\n  " + redirect + "\n  location / { proxy_pass http://127.0.0.1:8002; }\n}\n");
    }

    [Fact]
    public void RedirectWithAcmeLocation_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            server {
              listen 80;
              listen [::]:80;
              location ^~ /.well-known/acme-challenge/ { root /var/www/acme; }
              location ~ ^/\.well-known/acme-challenge/ { root /var/www/acme; }
              location / { return 301 https://$host$request_uri; }
            }
            """);
    }

    [Fact]
    public void MixedServerWithSchemeRedirect_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            server {
              listen 80;
              listen 443 ssl;
              if ($scheme = http) { return 301 https://$host$request_uri; }
              location / { proxy_pass http://127.0.0.1:8002; }
            }
            """);
    }

    [Theory]
    [InlineData("listen 443 ssl;")]
    [InlineData("listen 443 quic reuseport; listen 443 ssl;")]
    [InlineData("listen 127.0.0.1:8080;")]
    [InlineData("listen [::1]:8080;")]
    [InlineData("listen unix:/run/nginx.sock;")]
    [InlineData("listen 443; ssl on;")]
    public void TlsOrLocalOnlyServer_NoDiagnostic(string listen)
    {
        AssertNoDiagnostic("server {\n  " + listen + "\n  root /var/www;\n  location / { proxy_pass http://127.0.0.1:8002; }\n}\n");
    }

    [Fact]
    public void ErrorCodeWithoutBody_NoDiagnostic()
    {
        // nginx answers with its own error page, which is not the site's content.
        AssertNoDiagnostic("""
            server {
              listen 80 default_server;
              location / { return 404; }
            }
            """);
    }

    private static IReadOnlyList<Finding> AssertReports(string markup) =>
        NginxFixture.AssertReports(RuleCatalog.HttpsNotEnforced, markup);

    private static void AssertNoDiagnostic(string text) =>
        NginxFixture.AssertNoDiagnostic(RuleCatalog.HttpsNotEnforced, text);
}
