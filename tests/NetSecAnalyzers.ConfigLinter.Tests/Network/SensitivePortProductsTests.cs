using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Network;

namespace NetSecAnalyzers.ConfigLinter.Tests.Network;

public sealed class SensitivePortProductsTests
{
    [Fact]
    public void DefaultSensitivePorts_HaveProducts()
    {
        var missing = LintOptions.DefaultSensitivePorts.Where(port => SensitivePortProducts.ProductFor(port) is null).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void RulePageTable_MatchesCode()
    {
        var page = File.ReadAllLines(Path.Combine(RepositoryRoot.Find(), "docs", "rules", "NETSEC051.md"));
        var start = System.Array.IndexOf(page, "| Port | Service |");
        Assert.True(start >= 0, "NETSEC051.md has no '| Port | Service |' table");

        var documented = new Dictionary<int, string>();
        foreach (var line in page.Skip(start + 2).TakeWhile(line => line.StartsWith('|')))
        {
            var cells = line.Split('|');
            documented.Add(int.Parse(cells[1].Trim(), CultureInfo.InvariantCulture), cells[2].Trim());
        }

        Assert.Equal(
            SensitivePortProducts.All.OrderBy(pair => pair.Key),
            documented.OrderBy(pair => pair.Key));
    }

    [Fact]
    public void Describe_KnownPort_AddsProduct()
    {
        Assert.Equal("1521 (Oracle Database)", SensitivePortProducts.Describe(1521));
    }

    [Fact]
    public void Describe_UnknownPort_WritesNumber()
    {
        Assert.Equal("8443", SensitivePortProducts.Describe(8443));
    }
}
