using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

[Trait("Rule", "NETSEC033")]
public class HstsPolicyTooWeakRuleTests
{
    [Fact]
    public void ShortMaxAge_Reports()
    {
        var finding = AssertReports(Server("add_header Strict-Transport-Security [|\"max-age=3600; includeSubDomains\"|] always;")).Single();

        Assert.Equal("add_header Strict-Transport-Security \"max-age=3600; includeSubDomains\" always sets max-age below 31536000 seconds; raise max-age to at least 31536000 seconds", finding.Message);
        Assert.Same(RuleCatalog.HstsPolicyTooWeak, finding.Rule);
    }

    [Fact]
    public void AllProblems_ReportsOnceListingThem()
    {
        var finding = AssertReports(Server("add_header Strict-Transport-Security [|\"max-age=3600\"|];")).Single();

        Assert.Equal(
            "add_header Strict-Transport-Security \"max-age=3600\" sets max-age below 31536000 seconds, lacks includeSubDomains and is sent without always, so error responses lack it; raise max-age to at least 31536000 seconds, add includeSubDomains and add always",
            finding.Message);
    }

    [Theory]
    [InlineData("\"max-age=0\"", "sets max-age=0, which turns HSTS off because browsers forget the policy; raise max-age to at least 31536000 seconds")]
    [InlineData("\"max-age=31536000; preload\"", "sets preload without includeSubDomains; add includeSubDomains")]
    [InlineData("\"includeSubDomains\"", "has no max-age, so browsers ignore the header; add max-age of at least 31536000 seconds")]
    [InlineData("\"max-age=abc; includeSubDomains\"", "has the invalid max-age \"abc\", so browsers ignore the header; set max-age to a number of at least 31536000 seconds")]
    [InlineData("\"max-age=31536000; max-age=1; includeSubDomains\"", "repeats max-age, so browsers ignore the header; give max-age only once")]
    [InlineData("max-age=31536000", "lacks includeSubDomains; add includeSubDomains")]
    public void WeakOrMalformedPolicy_Reports(string value, string problemAndRemedy)
    {
        var finding = AssertReports(Server("add_header Strict-Transport-Security [|" + value + "|] always;")).Single();

        Assert.Equal("add_header Strict-Transport-Security " + value + " always " + problemAndRemedy, finding.Message);
    }

    [Fact]
    public void WrongCaseAlways_Reports()
    {
        var finding = AssertReports(Server("add_header Strict-Transport-Security [|\"max-age=31536000; includeSubDomains\"|] Always;")).Single();

        Assert.EndsWith("is sent without always, so error responses lack it; add always", finding.Message);
    }

    [Fact]
    public void OnlyAlwaysMissingAdvisesAlways_Reports()
    {
        var finding = AssertReports(Server("add_header Strict-Transport-Security [|\"max-age=31536000; includeSubDomains\"|];")).Single();

        Assert.Equal(
            "add_header Strict-Transport-Security \"max-age=31536000; includeSubDomains\" is sent without always, so error responses lack it; add always",
            finding.Message);
    }

    [Fact]
    public void HttpHeaderForTwoServers_ReportsOnce()
    {
        AssertReports("""
            http {
              add_header Strict-Transport-Security [|"max-age=86400"|] always;
              server { listen 443 ssl; server_name a.example; }
              server { listen 443 ssl; server_name b.example; }
            }
            """);
    }

    [Fact]
    public void HeaderInIfInLocation_Reports()
    {
        AssertReports(Server("location / {\n    if ($arg_a) {\n      add_header Strict-Transport-Security [|\"max-age=60\"|] always;\n    }\n  }"));
    }

    [Fact]
    public void MinimumFromOptions_Reports()
    {
        var options = new LintOptions { HstsMinimumMaxAge = 63072000 };

        var finding = NginxFixture.AssertReports(
            RuleCatalog.HstsPolicyTooWeak,
            Server("add_header Strict-Transport-Security [|\"max-age=31536000; includeSubDomains\"|] always;"),
            options).Single();

        Assert.EndsWith("sets max-age below 63072000 seconds; raise max-age to at least 63072000 seconds", finding.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"max-age=31536000; includeSubDomains\"")]
    [InlineData("\"max-age=63072000; includeSubDomains; preload\"")]
    [InlineData("'max-age=\"31536000\"; includeSubDomains'")]
    [InlineData("\"Max-Age=31536000 ; INCLUDESUBDOMAINS\"")]
    [InlineData("\"max-age=99999999999999999999999; includeSubDomains\"")]
    public void StrongPolicy_NoDiagnostic(string value)
    {
        AssertNoDiagnostic(Server("add_header strict-transport-security " + value + " always;"));
    }

    [Fact]
    public void VariableValueWithAlways_NoDiagnostic()
    {
        AssertNoDiagnostic(Server("add_header Strict-Transport-Security $hsts_value always;"));
    }

    [Fact]
    public void HeaderOverriddenEverywhere_NoDiagnostic()
    {
        AssertNoDiagnostic("""
            http {
              add_header Strict-Transport-Security "max-age=60";
              server {
                listen 443 ssl;
                add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
              }
            }
            """);
    }

    [Fact]
    public void PlainHttpServer_NoDiagnostic()
    {
        AssertNoDiagnostic("server {\n  listen 80;\n  add_header Strict-Transport-Security \"max-age=60\";\n}\n");
    }

    [Fact]
    public void EmptyValue_NoDiagnostic()
    {
        AssertNoDiagnostic(Server("add_header Strict-Transport-Security \"\";"));
    }

    private static string Server(string body) => "server {\n  listen 443 ssl;\n  " + body + "\n}\n";

    private static IReadOnlyList<Finding> AssertReports(string markup) =>
        NginxFixture.AssertReports(RuleCatalog.HstsPolicyTooWeak, markup);

    private static void AssertNoDiagnostic(string text) =>
        NginxFixture.AssertNoDiagnostic(RuleCatalog.HstsPolicyTooWeak, text);
}
