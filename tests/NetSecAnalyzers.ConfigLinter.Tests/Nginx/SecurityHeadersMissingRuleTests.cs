using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

[Trait("Rule", "NETSEC034")]
public class SecurityHeadersMissingRuleTests
{
    private const string Framing = "clickjacking protection (X-Frame-Options DENY or SAMEORIGIN, or Content-Security-Policy frame-ancestors)";

    private const string AllHeaders = """
        add_header X-Content-Type-Options nosniff always;
          add_header X-Frame-Options DENY always;
          add_header Content-Security-Policy "default-src 'self'" always;
          add_header Referrer-Policy no-referrer always;
        """;

    [Fact]
    public void TlsServerWithoutHeaders_ReportsAllFour()
    {
        var finding = AssertReports("[|server|] {\n  listen 443 ssl;\n}\n").Single();

        Assert.Equal(
            "this TLS server does not set X-Content-Type-Options: nosniff, " + Framing + ", Content-Security-Policy and Referrer-Policy; add the missing headers",
            finding.Message);
        Assert.Same(RuleCatalog.SecurityHeadersMissing, finding.Rule);
    }

    [Theory]
    [InlineData("add_header X-Content-Type-Options nosniff always;", "X-Content-Type-Options: nosniff")]
    [InlineData("add_header X-Frame-Options DENY always;", Framing)]
    [InlineData("add_header Content-Security-Policy \"default-src 'self'\" always;", "Content-Security-Policy")]
    [InlineData("add_header Referrer-Policy no-referrer always;", "Referrer-Policy")]
    public void OneHeaderMissing_ReportsIt(string removed, string missing)
    {
        var finding = AssertReports("[|server|] {\n  listen 443 ssl;\n  " + AllHeaders.Replace(removed, string.Empty) + "\n}\n").Single();

        Assert.Equal("this TLS server does not set " + missing + "; add the missing headers", finding.Message);
    }

    [Theory]
    [InlineData("add_header X-Content-Type-Options nosniff always;", "add_header X-Content-Type-Options sniff always;")]
    [InlineData("add_header X-Frame-Options DENY always;", "add_header X-Frame-Options \"ALLOW-FROM https://a.example\" always;")]
    [InlineData("add_header Referrer-Policy no-referrer always;", "add_header Referrer-Policy \"\" always;")]
    public void WrongOrEmptyValue_Reports(string good, string bad)
    {
        AssertReports("[|server|] {\n  listen 443 ssl;\n  " + AllHeaders.Replace(good, bad) + "\n}\n");
    }

    [Fact]
    public void OnlyLocationsSetThem_ReportsServer()
    {
        AssertReports("[|server|] {\n  listen 443 ssl;\n  location / {\n  " + AllHeaders + "\n  }\n}\n");
    }

    [Fact]
    public void AllHeadersInServer_NoDiagnostic()
    {
        AssertNoDiagnostic("server {\n  listen 443 ssl;\n  " + AllHeaders + "\n}\n");
    }

    [Fact]
    public void AllHeadersInheritedFromHttp_NoDiagnostic()
    {
        AssertNoDiagnostic("http {\n  " + AllHeaders + "\n  server { listen 443 ssl; }\n}\n");
    }

    [Fact]
    public void FrameAncestorsInsteadOfFrameOptions_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            server {
              listen 443 ssl;
              add_header x-content-type-options NoSniff;
              add_header Content-Security-Policy "default-src 'self'; Frame-Ancestors 'none'";
              add_header Referrer-Policy same-origin;
            }
            """);
    }

    [Fact]
    public void VariableValues_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            server {
              listen 443 ssl;
              add_header X-Content-Type-Options $nosniff;
              add_header X-Frame-Options $frame_options;
              add_header Content-Security-Policy $csp;
              add_header Referrer-Policy $referrer_policy;
            }
            """);
    }

    [Fact]
    public void PlainHttpServer_NoDiagnostic()
    {
        AssertNoDiagnostic("server {\n  listen 80;\n  root /srv/www;\n}\n");
    }

    /// <summary>Headers the server had from http and lost through its own add_header are NETSEC035's finding.</summary>
    [Fact]
    public void ServerDropsHttpHeaders_NoDiagnostic()
    {
        AssertNoDiagnostic("http {\n  " + AllHeaders + "\n  server {\n    listen 443 ssl;\n    add_header Cache-Control no-store;\n  }\n}\n");
    }

    private static IReadOnlyList<Finding> AssertReports(string markup) =>
        NginxFixture.AssertReports(RuleCatalog.SecurityHeadersMissing, markup);

    private static void AssertNoDiagnostic(string text) =>
        NginxFixture.AssertNoDiagnostic(RuleCatalog.SecurityHeadersMissing, text);
}
