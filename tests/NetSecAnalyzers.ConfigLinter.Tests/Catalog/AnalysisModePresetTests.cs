using System.IO;
using System.Linq;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Tests.Catalog;

/// <summary>
/// The global config files that NetSecAnalysisMode selects in the analyzer package: each sets one severity
/// for every catalogue rule, so a rule added to the catalogue must be added to them too.
/// </summary>
public sealed class AnalysisModePresetTests
{
    [Theory]
    [InlineData("netsec_all.globalconfig", "error")]
    [InlineData("netsec_suggestions.globalconfig", "suggestion")]
    public void PresetFile_SetsEveryRule(string fileName, string severity)
    {
        var path = Path.Combine(RepositoryRoot.Find(), "src", "Package", "build", "config", fileName);
        var lines = File.ReadAllLines(path);

        Assert.Contains("is_global = true", lines);
        var expected = RuleCatalog.All.Select(rule => "dotnet_diagnostic." + rule.Id + ".severity = " + severity);
        Assert.Equal(expected, lines.Where(line => line.StartsWith("dotnet_diagnostic.", System.StringComparison.Ordinal)));
    }
}
