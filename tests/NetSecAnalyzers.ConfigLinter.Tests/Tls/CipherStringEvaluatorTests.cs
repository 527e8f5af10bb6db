using System.Linq;
using NetSecAnalyzers.ConfigLinter.Tls;

namespace NetSecAnalyzers.ConfigLinter.Tests.Tls;

/// <summary>The evaluator's algebra on its own, without an openssl on the machine.</summary>
public class CipherStringEvaluatorTests
{
    [Fact]
    public void Table_HasUniqueNamesAndCodes()
    {
        Assert.Equal(CipherSuiteTable.Suites.Length, CipherSuiteTable.Suites.Select(suite => suite.Name).Distinct().Count());
        Assert.Equal(CipherSuiteTable.Suites.Length, CipherSuiteTable.Suites.Select(suite => suite.Code).Distinct().Count());
    }

    [Fact]
    public void PlainNames_KeepWrittenOrder() =>
        Assert.Equal(new[] { "AES128-SHA", "ECDHE-RSA-AES128-GCM-SHA256" }, Names("AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256"));

    [Fact]
    public void Plus_MovesToEnd() =>
        Assert.Equal(new[] { "ECDHE-RSA-AES128-GCM-SHA256", "AES128-SHA" }, Names("AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256:+kRSA"));

    [Fact]
    public void Minus_AllowsReAdd() =>
        Assert.Equal(new[] { "AES128-SHA" }, Names("AES128-SHA:AES256-SHA:-kRSA:AES128-SHA"));

    [Fact]
    public void Bang_RemovesForGood() =>
        Assert.Empty(CipherStringEvaluator.Evaluate("AES128-SHA:!kRSA:AES128-SHA").Suites);

    [Fact]
    public void Strength_SortsByBitsDescending() =>
        Assert.Equal(new[] { "AES256-SHA", "AES128-SHA" }, Names("AES128-SHA:AES256-SHA:@STRENGTH"));

    [Fact]
    public void JoinedTerm_IntersectsWords()
    {
        var suites = CipherStringEvaluator.Evaluate("kECDHE+aRSA+AESGCM").Suites;

        Assert.Equal(2, suites.Count);
        Assert.All(suites, suite => Assert.StartsWith("ECDHE-RSA-AES", suite.Name));
    }

    [Fact]
    public void UnknownWord_IsIgnoredWithItsItem()
    {
        var list = CipherStringEvaluator.Evaluate("AES128-SHA:BOGUS+kRSA:AES256-SHA");

        Assert.Equal(new[] { "AES128-SHA", "AES256-SHA" }, list.Suites.Select(suite => suite.Name));
        Assert.Equal(new[] { "BOGUS" }, list.IgnoredWords);
        Assert.Null(list.Error);
    }

    [Theory]
    [InlineData("HIGH:@NOSUCH")]
    [InlineData("HIGH:x_y")]
    [InlineData("BOGUS")]
    [InlineData("ECDHE+")]
    [InlineData("+HIGH")]
    public void RejectedString_HasError(string cipherString) =>
        Assert.NotNull(CipherStringEvaluator.Evaluate(cipherString).Error);

    [Fact]
    public void OperatorInsideItem_StartsNewItem() =>
        Assert.Equal(Names("HIGH:!aNULL"), Names("HIGH!aNULL"));

    [Fact]
    public void DefaultPrefix_StartsFromDefaultList()
    {
        var list = CipherStringEvaluator.Evaluate("DEFAULT:!kRSA");

        Assert.DoesNotContain(list.Suites, suite => suite.KeyExchange == KeyExchange.Rsa || suite.Authentication == Authentication.Null);
        Assert.Contains(list.Suites, suite => suite.Name == "ECDHE-RSA-AES128-GCM-SHA256");
    }

    [Theory]
    [InlineData(0, "ADH-AES128-SHA", true)]
    [InlineData(1, "ADH-AES128-SHA", false)]
    [InlineData(1, "RC4-SHA", true)]
    [InlineData(2, "RC4-SHA", false)]
    [InlineData(2, "AES128-SHA", true)]
    [InlineData(3, "AES128-SHA", false)]
    [InlineData(3, "ECDHE-RSA-AES128-SHA", true)]
    [InlineData(4, "ECDHE-RSA-AES256-SHA", false)]
    [InlineData(4, "ECDHE-RSA-AES256-GCM-SHA384", true)]
    public void SecurityLevel_FiltersUsableSuites(int level, string name, bool usable)
    {
        var list = CipherStringEvaluator.Evaluate(name + ":@SECLEVEL=" + level);

        Assert.Equal(level, list.SecurityLevel);
        Assert.Equal(usable, list.Usable.Any(suite => suite.Name == name));
    }

    private static string[] Names(string cipherString) =>
        CipherStringEvaluator.Evaluate(cipherString).Suites.Select(suite => suite.Name).ToArray();
}
