using System;
using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

[Trait("Rule", "NETSEC035")]
public class NestedAddHeaderDropsHeadersRuleTests
{
    private const string Advice = " from the enclosing block; repeat them here or use add_header_inherit merge (nginx 1.29.3 and later)";

    private static readonly LintOptions MergeVersion = new() { NginxVersion = new Version(1, 29, 3) };

    [Fact]
    public void LocationWithOwnHeader_ReportsDropped()
    {
        var finding = AssertReports("""
            server {
              listen 443 ssl;
              add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
              add_header X-Content-Type-Options nosniff always;
              add_header X-Robots-Tag none;
              [|location|] /api/ {
                add_header Cache-Control no-store;
              }
            }
            """).Single();

        Assert.Equal("location /api/ has its own add_header and no longer sends Strict-Transport-Security and X-Content-Type-Options" + Advice, finding.Message);
        Assert.Same(RuleCatalog.NestedAddHeaderDropsHeaders, finding.Rule);
    }

    /// <summary>The server's own add_header already stops http's X-Content-Type-Options, so /api/ loses only HSTS.</summary>
    [Fact]
    public void ServerAndLocationDrops_ReportsEachLevel()
    {
        var findings = AssertReports("""
            http {
              add_header X-Content-Type-Options nosniff always;
              [|server|] { listen 443 ssl;
                add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;
                location / { return 204; }
                [|location|] /api/ { add_header Cache-Control no-store; return 204; }
              }
            }
            """);

        Assert.Equal("this server has its own add_header and no longer sends X-Content-Type-Options" + Advice, findings[0].Message);
        Assert.Equal("location /api/ has its own add_header and no longer sends Strict-Transport-Security" + Advice, findings[1].Message);
    }

    [Fact]
    public void IfInLocation_Reports()
    {
        var finding = AssertReports("""
            server {
              listen 443 ssl;
              add_header X-Frame-Options DENY always;
              location / {
                [|if|] ($arg_debug) {
                  add_header X-Debug 1;
                }
              }
            }
            """).Single();

        Assert.StartsWith("if ($arg_debug) has its own add_header and no longer sends X-Frame-Options", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestedLocation_ReportsInnermostDrop()
    {
        AssertReports("""
            server {
              listen 443 ssl;
              add_header Referrer-Policy no-referrer always;
              location / {
                [|location|] /static/ {
                  add_header Cache-Control public;
                }
              }
            }
            """);
    }

    [Fact]
    public void MergeBeforeItsVersion_Reports()
    {
        AssertReports("""
            server {
              listen 443 ssl;
              add_header Referrer-Policy no-referrer always;
              [|location|] /static/ {
                add_header_inherit merge;
                add_header Cache-Control public;
              }
            }
            """);
    }

    [Fact]
    public void MergeFromVersion1293_NoDiagnostic()
    {
        AssertNoDiagnostic(
            """
            server {
              listen 443 ssl;
              add_header Referrer-Policy no-referrer always;
              location /static/ {
                add_header_inherit merge;
                add_header Cache-Control public;
              }
            }
            """,
            MergeVersion);
    }

    [Fact]
    public void MergeInheritedFromHttp_NoDiagnostic()
    {
        AssertNoDiagnostic(
            """
            http {
              add_header_inherit merge;
              server {
                listen 443 ssl;
                add_header Referrer-Policy no-referrer always;
                location /static/ {
                  add_header Cache-Control public;
                }
              }
            }
            """,
            MergeVersion);
    }

    [Fact]
    public void InheritOffFromVersion1293_NoDiagnostic()
    {
        AssertNoDiagnostic(
            """
            server {
              listen 443 ssl;
              add_header Referrer-Policy no-referrer always;
              location /static/ {
                add_header_inherit off;
                add_header Cache-Control public;
              }
            }
            """,
            MergeVersion);
    }

    [Fact]
    public void LocationRepeatsHeaders_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            server {
              listen 443 ssl;
              add_header X-Content-Type-Options nosniff always;
              location /static/ {
                add_header x-content-type-options "nosniff" always;
                add_header Cache-Control public;
              }
            }
            """);
    }

    [Fact]
    public void LocationClearsHeaderOnPurpose_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            server {
              listen 443 ssl;
              add_header X-Frame-Options DENY always;
              location /embed/ {
                add_header X-Frame-Options "";
              }
            }
            """);
    }

    [Fact]
    public void LocationWithoutAddHeader_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            server {
              listen 443 ssl;
              add_header X-Frame-Options DENY always;
              location / {
                proxy_pass http://127.0.0.1:8080;
              }
            }
            """);
    }

    [Fact]
    public void OnlyOtherHeadersDropped_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            server {
              listen 443 ssl;
              add_header X-Robots-Tag none;
              location / {
                add_header Cache-Control no-store;
              }
            }
            """);
    }

    private static IReadOnlyList<Finding> AssertReports(string markup) =>
        NginxFixture.AssertReports(RuleCatalog.NestedAddHeaderDropsHeaders, markup);

    private static void AssertNoDiagnostic(string text, LintOptions? options = null) =>
        NginxFixture.AssertNoDiagnostic(RuleCatalog.NestedAddHeaderDropsHeaders, text, options);
}
