using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

/// <summary>
/// Lints the nginx examples of one rule's page: every line whose comment names the rule ID gets exactly one
/// finding of that rule, no other line gets one, and the compliant examples get none. Findings of other
/// rules are left out, because a page's examples show one rule.
/// </summary>
public abstract class RuleDocExampleTests
{
    private readonly RuleDefinition rule;

    protected RuleDocExampleTests(RuleDefinition rule) => this.rule = rule;

    [Fact]
    public void NonCompliantExamples_Reports()
    {
        var marker = "# " + rule.Id;
        var examples = NginxExamples("## Non-compliant examples", "## Compliant examples");

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var expectedLines = example.Split('\n')
                .Select((line, index) => (line, index))
                .Where(entry => entry.line.Contains(marker, StringComparison.Ordinal))
                .Select(entry => entry.index + 1);
            var diagnostics = NginxFixture.Lint(example);

            Assert.Empty(diagnostics.Notifications);
            Assert.Equal(expectedLines, NginxFixture.FindingsOf(diagnostics, rule).Select(finding => finding.Location.StartLine).OrderBy(line => line));
        }
    }

    [Fact]
    public void CompliantExamples_NoDiagnostic()
    {
        var examples = NginxExamples("## Compliant examples", "## Configuration");

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var diagnostics = NginxFixture.Lint(example);

            Assert.Empty(diagnostics.Notifications);
            Assert.Empty(NginxFixture.FindingsOf(diagnostics, rule).Select(finding => finding.ToString()));
        }
    }

    private IReadOnlyList<string> NginxExamples(string fromHeading, string toHeading)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "rules", rule.Id + ".md")).Replace("\r\n", "\n");
        var start = page.IndexOf(fromHeading, StringComparison.Ordinal);
        var end = page.IndexOf(toHeading, start, StringComparison.Ordinal);
        var section = page.Substring(start, end - start);

        var examples = new List<string>();
        var parts = section.Split("```");
        for (var i = 1; i < parts.Length; i += 2)
        {
            if (parts[i].StartsWith("nginx\n", StringComparison.Ordinal))
            {
                examples.Add(parts[i].Substring("nginx\n".Length));
            }
        }

        return examples;
    }
}

[Trait("Rule", "NETSEC001")]
public sealed class LegacyTlsProtocolDocExampleTests : RuleDocExampleTests
{
    public LegacyTlsProtocolDocExampleTests()
        : base(RuleCatalog.LegacyTlsProtocol)
    {
    }
}

[Trait("Rule", "NETSEC021")]
public sealed class RevocationCheckDisabledDocExampleTests : RuleDocExampleTests
{
    public RevocationCheckDisabledDocExampleTests()
        : base(RuleCatalog.RevocationCheckDisabled)
    {
    }
}

[Trait("Rule", "NETSEC036")]
public sealed class ServerVersionDisclosedDocExampleTests : RuleDocExampleTests
{
    public ServerVersionDisclosedDocExampleTests()
        : base(RuleCatalog.ServerVersionDisclosed)
    {
    }
}

[Trait("Rule", "NETSEC032")]
public sealed class HstsNotEnabledDocExampleTests : RuleDocExampleTests
{
    public HstsNotEnabledDocExampleTests()
        : base(RuleCatalog.HstsNotEnabled)
    {
    }
}

[Trait("Rule", "NETSEC033")]
public sealed class HstsPolicyTooWeakDocExampleTests : RuleDocExampleTests
{
    public HstsPolicyTooWeakDocExampleTests()
        : base(RuleCatalog.HstsPolicyTooWeak)
    {
    }
}

[Trait("Rule", "NETSEC034")]
public sealed class SecurityHeadersMissingDocExampleTests : RuleDocExampleTests
{
    public SecurityHeadersMissingDocExampleTests()
        : base(RuleCatalog.SecurityHeadersMissing)
    {
    }
}

[Trait("Rule", "NETSEC035")]
public sealed class NestedAddHeaderDropsHeadersDocExampleTests : RuleDocExampleTests
{
    public NestedAddHeaderDropsHeadersDocExampleTests()
        : base(RuleCatalog.NestedAddHeaderDropsHeaders)
    {
    }
}

[Trait("Rule", "NETSEC020")]
public sealed class CertificateValidationDisabledDocExampleTests : RuleDocExampleTests
{
    public CertificateValidationDisabledDocExampleTests()
        : base(RuleCatalog.CertificateValidationDisabled)
    {
    }
}

[Trait("Rule", "NETSEC030")]
public sealed class HttpsNotEnforcedDocExampleTests : RuleDocExampleTests
{
    public HttpsNotEnforcedDocExampleTests()
        : base(RuleCatalog.HttpsNotEnforced)
    {
    }
}

[Trait("Rule", "NETSEC031")]
public sealed class ClearTextHttpToRemoteHostDocExampleTests : RuleDocExampleTests
{
    public ClearTextHttpToRemoteHostDocExampleTests()
        : base(RuleCatalog.ClearTextHttpToRemoteHost)
    {
    }
}

[Trait("Rule", "NETSEC070")]
public sealed class AuthenticationEndpointWithoutRateLimitingDocExampleTests : RuleDocExampleTests
{
    public AuthenticationEndpointWithoutRateLimitingDocExampleTests()
        : base(RuleCatalog.AuthenticationEndpointWithoutRateLimiting)
    {
    }
}

[Trait("Rule", "NETSEC010")]
public sealed class BrokenCipherSuitesDocExampleTests : RuleDocExampleTests
{
    public BrokenCipherSuitesDocExampleTests()
        : base(RuleCatalog.BrokenCipherSuites)
    {
    }
}

[Trait("Rule", "NETSEC011")]
public sealed class CipherSuitesWithoutForwardSecrecyDocExampleTests : RuleDocExampleTests
{
    public CipherSuitesWithoutForwardSecrecyDocExampleTests()
        : base(RuleCatalog.CipherSuitesWithoutForwardSecrecy)
    {
    }
}
