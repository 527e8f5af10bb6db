using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

[Trait("Rule", "NETSEC036")]
public class ServerVersionDisclosedRuleTests
{
    private const string Advice = " in the Server header; set server_tokens off";

    [Fact]
    public void ServerWithoutServerTokens_Reports()
    {
        var finding = AssertReports("""
            http {
              [|server|] {
                listen 80;
              }
            }
            """).Single();

        Assert.Equal("this server (server_tokens defaults to on) sends the nginx version" + Advice, finding.Message);
        Assert.Same(RuleCatalog.ServerVersionDisclosed, finding.Rule);
    }

    [Fact]
    public void OnInHttpInheritedByServers_ReportsOnce()
    {
        var finding = AssertReports("""
            http {
              server_tokens [|on|];
              server { listen 80; }
              server { listen 443 ssl; }
            }
            """).Single();

        Assert.Equal("server_tokens on sends the nginx version" + Advice, finding.Message);
    }

    [Fact]
    public void BuildInServer_Reports()
    {
        var finding = AssertReports("""
            http {
              server_tokens off;
              server {
                listen 80;
                server_tokens [|build|];
              }
            }
            """).Single();

        Assert.Equal("server_tokens build sends the nginx version and build name" + Advice, finding.Message);
    }

    [Theory]
    [InlineData("ON")]
    [InlineData("\"on\"")]
    [InlineData("Build")]
    public void ValueWrittenDifferently_Reports(string value)
    {
        AssertReports("http {\n  server_tokens [|" + value + "|];\n  server { listen 80; }\n}\n");
    }

    [Fact]
    public void LocationTurnsItBackOn_Reports()
    {
        var finding = AssertReports("""
            http {
              server_tokens off;
              server {
                listen 80;
                location /status {
                  server_tokens [|on|];
                }
              }
            }
            """).Single();

        Assert.StartsWith("server_tokens on sends the nginx version", finding.Message);
    }

    [Fact]
    public void NestedLocation_Reports()
    {
        AssertReports("""
            server {
              listen 80;
              server_tokens off;
              location /api/ {
                location /api/debug/ { server_tokens [|build|]; }
              }
            }
            """);
    }

    [Fact]
    public void DefaultServerAndLocationOn_ReportsBoth()
    {
        var findings = AssertReports("""
            http {
              [|server|] {
                listen 80;
                location / { server_tokens [|on|]; }
              }
            }
            """);

        Assert.StartsWith("this server (server_tokens defaults to on)", findings[0].Message);
        Assert.StartsWith("server_tokens on", findings[1].Message);
    }

    [Fact]
    public void OnlySomeServersOverride_Reports()
    {
        AssertReports("""
            http {
              server_tokens [|on|];
              server { listen 80; server_tokens off; }
              server { listen 8080; }
            }
            """);
    }

    [Theory]
    [InlineData("\"nginx/$nginx_version\"")]
    [InlineData("\"edge ${NGINX_VERSION}\"")]
    [InlineData("$nginx_version")]
    public void CustomStringWithVersionVariable_Reports(string value)
    {
        var finding = AssertReports("http {\n  server_tokens [|" + value + "|];\n  server { listen 80; }\n}\n").Single();

        Assert.Equal("server_tokens " + value + " sends the nginx version" + Advice, finding.Message);
    }

    [Fact]
    public void HttpBlockWithoutServers_Reports()
    {
        AssertReports("""
            events {}
            http {
              server_tokens [|on|];
            }
            """);
    }

    [Fact]
    public void HttpSnippet_Reports()
    {
        AssertReports("server_tokens [|on|];\nclient_max_body_size 10m;\n");
    }

    [Fact]
    public void ServerSnippet_Reports()
    {
        AssertReports("server_tokens [|on|];\nlocation / { root /srv/www; }\n");
    }

    [Fact]
    public void OffInHttp_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            http {
              server_tokens off;
              server { listen 80; location / { root /srv/www; } }
              server { listen 443 ssl; location /api/ { location /api/v1/ { } } }
            }
            """);
    }

    [Fact]
    public void EveryServerOverridesHttpOn_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            http {
              server_tokens on;
              server { listen 80; server_tokens off; }
              server { listen 8080; server_tokens OFF; }
            }
            """);
    }

    [Fact]
    public void LocationTurnsItOff_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            http {
              server_tokens off;
              server {
                listen 80;
                location / { server_tokens off; }
              }
            }
            """);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"frontend\"")]
    [InlineData("\"nginx/$nginx_version_label\"")]
    [InlineData("$server_label")]
    public void CustomStringWithoutVersion_NoDiagnostic(string value)
    {
        // NGINX Plus replaces the header with the string, so only $nginx_version shows the version.
        AssertNoDiagnostic("http {\n  server_tokens " + value + ";\n  server { listen 80; }\n}\n");
    }

    [Fact]
    public void StreamServer_NoDiagnostic()
    {
        // The stream module sends no HTTP header, and has no server_tokens.
        AssertNoDiagnostic("""
            events {}
            stream {
              server { listen 5432; proxy_pass 10.0.0.5:5432; }
            }
            """);
    }

    [Fact]
    public void LookalikeDirectives_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            http {
              server_tokens off;
              map $host $label { server_tokens on; }
              server {
                listen 80;
                SERVER_TOKENS on;
                content_by_lua_block { server_tokens on; }
              }
            }
            """);
    }

    [Fact]
    public void DirectiveWhereNginxRejectsIt_NoDiagnostic()
    {
        // server_tokens is allowed in http, server and location only, so nginx rejects this file.
        AssertNoDiagnostic("events {}\nserver_tokens on;\nhttp {\n  server_tokens off;\n}\n");
    }

    private static IReadOnlyList<Finding> AssertReports(string markup) =>
        NginxFixture.AssertReports(RuleCatalog.ServerVersionDisclosed, markup);

    private static void AssertNoDiagnostic(string text) =>
        NginxFixture.AssertNoDiagnostic(RuleCatalog.ServerVersionDisclosed, text);
}
