using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

[Trait("Rule", "NETSEC070")]
public class AuthenticationEndpointWithoutRateLimitingRuleTests
{
    private const string Zone = "limit_req_zone $binary_remote_addr zone=login:10m rate=5r/m;\n";

    [Fact]
    public void LoginLocationWithoutLimitReq_Reports()
    {
        var finding = AssertReports("""
            http {
              server {
                listen 443 ssl;
                [|location|] /login {
                  proxy_pass http://127.0.0.1:8000;
                }
              }
            }
            """).Single();

        Assert.Equal("location /login has no rate limiting; add a rate-limiting policy", finding.Message);
        Assert.Same(RuleCatalog.AuthenticationEndpointWithoutRateLimiting, finding.Rule);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("= /account/LOGIN")]
    [InlineData("^~ /sign-in/")]
    [InlineData("/signin")]
    [InlineData("/api/v1/oauth2/token")]
    [InlineData("/auth/")]
    [InlineData("/users/authenticate")]
    [InlineData("/login.php")]
    [InlineData("/account/password/reset")]
    [InlineData("/reset-password")]
    [InlineData("/forgot-password")]
    [InlineData("~ ^/(login|logout)$")]
    [InlineData("~* \\.(login|logon)$")]
    public void AuthenticationPath_Reports(string path)
    {
        AssertReports("server {\n  [|location|] " + path + " {\n    proxy_pass http://127.0.0.1:8000;\n  }\n}\n");
    }

    [Theory]
    [InlineData("/authors")]
    [InlineData("/blogin")]
    [InlineData("/tokens-of-appreciation")]
    [InlineData("/password")]
    [InlineData("/reset/password")]
    [InlineData("/api/")]
    [InlineData("~ ^/catalog/(.*)$")]
    public void OtherPath_NoDiagnostic(string path)
    {
        AssertNoDiagnostic("server {\n  location " + path + " {\n    proxy_pass http://127.0.0.1:8000;\n  }\n}\n");
    }

    [Fact]
    public void LimitReqInLocation_NoDiagnostic()
    {
        AssertNoDiagnostic("http {\n  " + Zone + """
              server {
                location = /login {
                  limit_req zone=login burst=3 nodelay;
                  proxy_pass http://127.0.0.1:8000;
                }
              }
            }
            """);
    }

    [Fact]
    public void LimitReqInheritedFromServer_NoDiagnostic()
    {
        AssertNoDiagnostic("http {\n  " + Zone + """
              server {
                limit_req zone=login;
                location /login { proxy_pass http://127.0.0.1:8000; }
              }
            }
            """);
    }

    [Fact]
    public void LimitReqInheritedFromHttp_NoDiagnostic()
    {
        AssertNoDiagnostic("http {\n  " + Zone + """
              limit_req zone=login burst=10;
              server {
                location /oauth/token { proxy_pass http://127.0.0.1:8000; }
              }
            }
            """);
    }

    [Fact]
    public void LimitReqInOtherLocationOnly_Reports()
    {
        AssertReports("http {\n  " + Zone + """
              server {
                location /api/ {
                  limit_req zone=login;
                  proxy_pass http://127.0.0.1:8000;
                }
                [|location|] /login { proxy_pass http://127.0.0.1:8000; }
              }
            }
            """);
    }

    [Fact]
    public void NestedLocationUnderLoginPath_ReportsBoth()
    {
        AssertReports("""
            server {
              [|location|] /auth/ {
                [|location|] ~ \.php$ { fastcgi_pass 127.0.0.1:9000; }
              }
            }
            """);
    }

    [Fact]
    public void NestedLocationInheritsLimitReq_NoDiagnostic()
    {
        AssertNoDiagnostic("http {\n  " + Zone + """
              server {
                location /account/ {
                  limit_req zone=login;
                  location /account/login { proxy_pass http://127.0.0.1:8000; }
                }
              }
            }
            """);
    }

    [Fact]
    public void DryRun_Reports()
    {
        var finding = AssertReports("http {\n  " + Zone + """
              limit_req_dry_run on;
              server {
                [|location|] /login {
                  limit_req zone=login;
                  proxy_pass http://127.0.0.1:8000;
                }
              }
            }
            """).Single();

        Assert.Equal("location /login (limit_req_dry_run on only counts requests) has no rate limiting; add a rate-limiting policy", finding.Message);
    }

    [Fact]
    public void InternalAndNamedLocations_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            server {
              location /auth-check {
                internal;
                proxy_pass http://127.0.0.1:8000/verify;
              }
              location @login { proxy_pass http://127.0.0.1:8000; }
            }
            """);
    }

    [Theory]
    [InlineData("return 301 https://id.example.com/login;")]
    [InlineData("return 404;")]
    [InlineData("return 403;")]
    public void LocationThatOnlyRedirectsOrRefuses_NoDiagnostic(string response)
    {
        AssertNoDiagnostic("server {\n  location /login {\n    " + response + "\n  }\n}\n");
    }

    [Fact]
    public void ReturnWithBody_Reports()
    {
        AssertReports("server {\n  [|location|] /token {\n    return 200 \"ok\";\n  }\n}\n");
    }

    [Fact]
    public void LimitConnAlone_Reports()
    {
        AssertReports("""
            http {
              limit_conn_zone $binary_remote_addr zone=per_ip:10m;
              server {
                [|location|] /login {
                  limit_conn per_ip 2;
                  proxy_pass http://127.0.0.1:8000;
                }
              }
            }
            """);
    }

    [Fact]
    public void ConfiguredPatterns_ReplaceTheDefaults()
    {
        var options = new LintOptions { AuthenticationPathPatterns = new[] { "session", "api/keys" } };

        AssertReports(
            """
            server {
              [|location|] /Session { proxy_pass http://127.0.0.1:8000; }
              [|location|] /v2/api/keys { proxy_pass http://127.0.0.1:8000; }
              location /login { proxy_pass http://127.0.0.1:8000; }
              location /keys/api { proxy_pass http://127.0.0.1:8000; }
            }
            """,
            options);
    }

    private static IReadOnlyList<Finding> AssertReports(string markup, LintOptions? options = null) =>
        NginxFixture.AssertReports(RuleCatalog.AuthenticationEndpointWithoutRateLimiting, markup, options);

    private static void AssertNoDiagnostic(string text) =>
        NginxFixture.AssertNoDiagnostic(RuleCatalog.AuthenticationEndpointWithoutRateLimiting, text);
}
