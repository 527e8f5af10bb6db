using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetSecAnalyzers.ConfigLinter.Output;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Output;

/// <summary>Merging a real compiler SARIF log with netsec's own: paths, rule metadata, suppressions, fingerprints, categories.</summary>
public sealed class SarifMergerTests
{
    [Fact]
    public void CompilerLog_PathsBecomeRelative()
    {
        using var folder = new TemporaryFolder();
        using var merged = Merge(folder);

        var compilerRun = merged.RootElement.GetProperty("runs")[0];
        Assert.Equal(PathDisplay.ToFileUri(folder.Path, isDirectory: true), compilerRun.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        foreach (var result in compilerRun.GetProperty("results").EnumerateArray())
        {
            var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            Assert.Equal("src/Program.cs", artifact.GetProperty("uri").GetString());
            Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
        }
    }

    [Fact]
    public void CompilerLog_NetsecRulesGetCatalogueMetadata()
    {
        using var folder = new TemporaryFolder();
        using var merged = Merge(folder);

        var rules = merged.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var rule = rules.EnumerateArray().Single(candidate => candidate.GetProperty("id").GetString() == "NETSEC070");
        Assert.StartsWith("Authentication endpoint without rate limiting", rule.GetProperty("help").GetProperty("text").GetString());
        Assert.EndsWith("/docs/rules/NETSEC070.md", rule.GetProperty("helpUri").GetString());
        Assert.Equal("5.3", rule.GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.Contains("external/cwe/cwe-307", rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.False(rule.GetProperty("defaultConfiguration").TryGetProperty("enabled", out _), "A rule implemented for C# is enabled in the compiler's run.");

        var compilerRule = rules.EnumerateArray().Single(candidate => candidate.GetProperty("id").GetString() == "CS0168");
        Assert.Equal("Compiler", compilerRule.GetProperty("properties").GetProperty("category").GetString());
    }

    [Fact]
    public void CompilerRule_GetsFullDescriptionAndHelp()
    {
        using var folder = new TemporaryFolder();
        using var merged = Merge(folder);

        var rules = merged.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var compilerRule = rules.EnumerateArray().Single(candidate => candidate.GetProperty("id").GetString() == "CS0168");
        var shortDescription = compilerRule.GetProperty("shortDescription").GetProperty("text").GetString();
        Assert.Equal(shortDescription, compilerRule.GetProperty("fullDescription").GetProperty("text").GetString());
        Assert.StartsWith(shortDescription!, compilerRule.GetProperty("help").GetProperty("text").GetString());
    }

    [Fact]
    public void CompilerLog_RuleIndexesPointAtTheirRules()
    {
        using var folder = new TemporaryFolder();
        using var merged = Merge(folder);

        foreach (var run in merged.RootElement.GetProperty("runs").EnumerateArray())
        {
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                var index = result.GetProperty("ruleIndex").GetInt32();
                Assert.Equal(result.GetProperty("ruleId").GetString(), rules[index].GetProperty("id").GetString());
            }
        }
    }

    [Fact]
    public void CompilerLog_PragmaSuppressionStays()
    {
        using var folder = new TemporaryFolder();
        using var merged = Merge(folder);

        var results = merged.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var suppressed = results.Where(result => result.TryGetProperty("suppressions", out _)).ToList();
        var single = Assert.Single(suppressed);
        Assert.Equal("inSource", single.GetProperty("suppressions")[0].GetProperty("kind").GetString());
        Assert.Contains("/connect/token", single.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void CompilerLog_FingerprintsFollowLineText()
    {
        using var folder = new TemporaryFolder();
        using var first = Merge(folder);
        var source = folder.Combine(Path.Combine("src", "Program.cs"));
        var lines = File.ReadAllLines(source);
        using var second = Merge(folder, lines.Select((line, index) => index == 4 ? "    " + line + "  " : line).ToArray());
        using var third = Merge(folder, lines.Select((line, index) => index == 4 ? line.Replace("login", "signin") : line).ToArray());

        var original = Fingerprints(first);
        Assert.All(original, fingerprint => Assert.Matches("^[0-9a-f]{16}:1$", fingerprint));
        Assert.Equal(original, Fingerprints(second));
        Assert.NotEqual(original[2], Fingerprints(third)[2]);
    }

    [Fact]
    public void SameCategoryTwice_GetsDistinctIds()
    {
        using var folder = new TemporaryFolder();
        var log = CompilerLogFixture.Write(folder);
        var merger = new SarifMerger(folder.Path);

        merger.Add(log, "HospitalApi");
        merger.Add(log, "HospitalApi");
        merger.Add(NetsecLog(folder), "netsec");
        using var merged = Parse(merger);

        var ids = merged.RootElement.GetProperty("runs").EnumerateArray().Select(run => run.GetProperty("automationDetails").GetProperty("id").GetString()).ToList();
        Assert.Equal(new[] { "HospitalApi/", "HospitalApi-2/", "netsec/" }, ids);
    }

    [Fact]
    public void LogFromSubfolder_PathsRebasedOnMergeRoot()
    {
        using var folder = new TemporaryFolder();
        var merger = new SarifMerger(folder.Path);

        merger.Add(SubfolderLog(folder), "netsec");
        using var merged = Parse(merger);

        var artifact = FirstArtifact(merged);
        Assert.Equal("app/nginx/nginx.conf", artifact.GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
    }

    [Fact]
    public void LogOutsideMergeRoot_KeepsAbsolutePath()
    {
        using var folder = new TemporaryFolder();
        var merger = new SarifMerger(folder.Combine("other"));

        merger.Add(SubfolderLog(folder), "netsec");
        using var merged = Parse(merger);

        var artifact = FirstArtifact(merged);
        Assert.Equal(PathDisplay.ToFileUri(folder.Combine(Path.Combine("app", "nginx", "nginx.conf")), isDirectory: false), artifact.GetProperty("uri").GetString());
        Assert.False(artifact.TryGetProperty("uriBaseId", out _));
    }

    [Fact]
    public void DuplicateConfigFinding_KeptInBuildRun()
    {
        using var folder = new TemporaryFolder();
        var netsecLog = NetsecLog(folder);
        var buildLog = System.Text.Json.Nodes.JsonNode.Parse(netsecLog)!;
        buildLog["runs"]![0]!["tool"]!["driver"]!["name"] = "Microsoft (R) Visual C# Compiler";
        var merger = new SarifMerger(folder.Path);

        merger.Add(buildLog.ToJsonString(), "HospitalApi");
        merger.Add(netsecLog, "netsec");
        using var merged = Parse(merger);

        var runs = merged.RootElement.GetProperty("runs");
        Assert.Equal(1, runs[0].GetProperty("results").GetArrayLength());
        Assert.Equal(0, runs[1].GetProperty("results").GetArrayLength());
    }

    /// <summary>A netsec log written from <c>app/</c>, so its paths are relative to that folder.</summary>
    private static string SubfolderLog(TemporaryFolder folder)
    {
        var nginx = folder.Write(Path.Combine("app", "nginx", "nginx.conf"), SampleFindings.NginxConf);
        var result = new LintResult(folder.Combine("app"), new[] { SampleFindings.LegacyTls(nginx, 4, 23) }, new Diagnostics.LintNotification[0], new[] { nginx });
        return SarifFormatterTests.FormatText(result);
    }

    private static JsonElement FirstArtifact(JsonDocument merged) =>
        merged.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");

    [Fact]
    public void NetsecResultWithoutRule_GetsCatalogueRule()
    {
        using var folder = new TemporaryFolder();
        var log = CompilerLogFixture.Write(folder).Replace("\"ruleId\": \"CS0168\"", "\"ruleId\": \"NETSEC031\"");
        var merger = new SarifMerger(folder.Path);

        merger.Add(log, "build");
        using var merged = Parse(merger);

        var run = merged.RootElement.GetProperty("runs")[0];
        var result = run.GetProperty("results")[0];
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[result.GetProperty("ruleIndex").GetInt32()];
        Assert.Equal("NETSEC031", rule.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [", "not valid JSON:")]
    [InlineData("{\"version\": \"1.0.0\", \"runs\": []}", "SARIF version '1.0.0' is not supported; only 2.1.0 is. Build with -p:ErrorLog=FILE%2Cversion=2.1")]
    [InlineData("{\"version\": \"2.1.0\"}", "not a SARIF log: the top level has no 'runs' array.")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": [ {\"results\": []} ]}", "not a SARIF log: a run has no 'tool'.")]
    public void InvalidLog_Throws(string text, string message)
    {
        var merger = new SarifMerger(Path.GetTempPath());

        var exception = Assert.Throws<SarifInputException>(() => merger.Add(text, "build"));

        Assert.StartsWith(message, exception.Message);
    }

    internal static string NetsecLog(TemporaryFolder folder)
    {
        var nginx = folder.Write(Path.Combine("deploy", "nginx", "nginx.conf"), SampleFindings.NginxConf);
        var result = new LintResult(folder.Path, new[] { SampleFindings.LegacyTls(nginx, 4, 23) }, new Diagnostics.LintNotification[0], new[] { nginx });
        return SarifFormatterTests.FormatText(result);
    }

    private static JsonDocument Merge(TemporaryFolder folder, string[]? sourceLines = null)
    {
        var log = CompilerLogFixture.Write(folder);
        if (sourceLines is not null)
        {
            File.WriteAllLines(folder.Combine(Path.Combine("src", "Program.cs")), sourceLines);
        }

        var merger = new SarifMerger(folder.Path);
        merger.Add(log, "compiler-tiny");
        merger.Add(NetsecLog(folder), "netsec");
        return Parse(merger);
    }

    private static JsonDocument Parse(SarifMerger merger)
    {
        var text = new StringWriter();
        merger.Write(text);
        return JsonDocument.Parse(text.ToString());
    }

    private static List<string?> Fingerprints(JsonDocument merged) =>
        merged.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(result => result.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString())
            .ToList();
}
