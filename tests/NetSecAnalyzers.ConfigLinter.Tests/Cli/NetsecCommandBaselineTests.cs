using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NetSecAnalyzers.Cli;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Cli;

/// <summary><c>--write-baseline</c> and <c>--baseline</c>: recording findings, matching them after edits, and bad baseline files.</summary>
public sealed partial class NetsecCommandTests
{
    private const string TwoInsecureLines = "ssl_protocols TLSv1;\nserver_name a;\nssl_protocols TLSv1;\n";

    [Fact]
    public async Task WriteBaseline_RecordsFindingsAndExitsZero()
    {
        using var folder = new TemporaryFolder();
        folder.Write("conf/site.fake", TwoInsecureLines);

        var run = await Run(folder, "lint", ".", "--write-baseline", "baseline.json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("0 errors, 0 warnings, 0 notes in 1 file; 2 in the baseline", run.Output.Trim());
        using var baseline = JsonDocument.Parse(File.ReadAllText(folder.Combine("baseline.json")));
        Assert.Equal(1, baseline.RootElement.GetProperty("version").GetInt32());
        var entry = Assert.Single(baseline.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("NETSEC001", entry.GetProperty("ruleId").GetString());
        Assert.Equal("conf/site.fake", entry.GetProperty("path").GetString());
        Assert.Equal(2, entry.GetProperty("count").GetInt32());
        Assert.Matches("^[0-9a-f]{16}$", entry.GetProperty("fingerprint").GetString());
    }

    [Fact]
    public async Task WriteBaseline_IsSortedAndRepeatable()
    {
        using var folder = new TemporaryFolder();
        folder.Write("b.fake", "ssl_protocols TLSv1;\n");
        folder.Write("a.fake", "x\nssl_protocols TLSv1;\n  ssl_ciphers TLSv1; \n");

        await Run(folder, "lint", ".", "--write-baseline", "first.json");
        await Run(folder, "lint", ".", "--write-baseline", "second.json");

        var first = File.ReadAllText(folder.Combine("first.json"));
        Assert.Equal(first, File.ReadAllText(folder.Combine("second.json")));
        using var baseline = JsonDocument.Parse(first);
        var paths = baseline.RootElement.GetProperty("findings").EnumerateArray().Select(entry => entry.GetProperty("path").GetString()).ToList();
        Assert.Equal(new[] { "a.fake", "a.fake", "b.fake" }, paths);
    }

    [Fact]
    public async Task Baseline_LinesInsertedAbove_StayUnreported()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", TwoInsecureLines);
        await Run(folder, "lint", ".", "--write-baseline", "baseline.json");
        folder.Write("site.fake", "# new comment\n\n" + TwoInsecureLines.Replace("ssl_protocols", "   ssl_protocols"));

        var run = await Run(folder, "lint", ".", "--baseline", "baseline.json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("0 errors, 0 warnings, 0 notes in 1 file; 2 in the baseline", run.Output.Trim());
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Baseline_ExtraDuplicateAndNewLine_AreReported()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", TwoInsecureLines);
        await Run(folder, "lint", ".", "--write-baseline", "baseline.json");
        folder.Write("site.fake", TwoInsecureLines + "ssl_protocols TLSv1;\nproxy_ssl_protocols TLSv1;\n");

        var run = await Run(folder, "lint", ".", "--baseline", "baseline.json");

        Assert.Equal(ExitCodes.FindingsReported, run.ExitCode);
        var lines = Lines(run.Output);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("site.fake:4:15: error NETSEC001:", lines[0]);
        Assert.StartsWith("site.fake:5:21: error NETSEC001:", lines[1]);
        Assert.Equal("2 errors, 0 warnings, 0 notes in 1 file; 2 in the baseline", lines[2]);
    }

    [Fact]
    public async Task Baseline_ChangedFindingLine_IsReported()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", "ssl_protocols TLSv1;\n");
        await Run(folder, "lint", ".", "--write-baseline", "baseline.json");
        folder.Write("site.fake", "ssl_protocols TLSv1.2 TLSv1;\n");

        var run = await Run(folder, "lint", ".", "--baseline", "baseline.json");

        Assert.Equal(ExitCodes.FindingsReported, run.ExitCode);
        Assert.StartsWith("site.fake:1:23: error NETSEC001:", run.Output);
    }

    [Fact]
    public async Task Baseline_SarifMarksNewAndUnchanged()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", "ssl_protocols TLSv1;\n");
        await Run(folder, "lint", ".", "--write-baseline", "baseline.json");
        folder.Write("site.fake", "ssl_protocols TLSv1;\nproxy_ssl_protocols TLSv1;\n");

        var run = await Run(folder, "lint", ".", "--baseline", "baseline.json", "--format", "sarif");

        Assert.Equal(ExitCodes.FindingsReported, run.ExitCode);
        using var sarif = JsonDocument.Parse(run.Output);
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal("unchanged", results[0].GetProperty("baselineState").GetString());
        Assert.Equal("external", results[0].GetProperty("suppressions")[0].GetProperty("kind").GetString());
        Assert.Equal("new", results[1].GetProperty("baselineState").GetString());
        Assert.False(results[1].TryGetProperty("suppressions", out _));
    }

    [Fact]
    public async Task Baseline_JsonCountsBaselineFindings()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", "ssl_protocols TLSv1;\n");
        await Run(folder, "lint", ".", "--write-baseline", "baseline.json");

        var run = await Run(folder, "lint", ".", "--baseline", "baseline.json", "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("inBaseline").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("summary").GetProperty("errors").GetInt32());
        Assert.Equal("unchanged", json.RootElement.GetProperty("findings")[0].GetProperty("baselineState").GetString());
    }

    [Theory]
    [InlineData("{\"version\": 1, \"findings\": [\n  {\"ruleId\": \"NETSEC001\", \"path\": \"a\", \"fingerprint\": \"f\", \"count\": 0}\n]}", "2:69", "'count' must be a whole number of 1 or more.")]
    [InlineData("{\"version\": 1, \"findings\": [\n  {\"ruleId\": \"NETSEC001\", \"path\": \"a\", \"count\": 1}\n]}", "2:3", "A baseline finding has no 'fingerprint'.")]
    [InlineData("{\"version\": 2, \"findings\": []}", "1:13", "Unsupported baseline version 2; this netsec reads version 1. Write the baseline again with --write-baseline.")]
    [InlineData("{\"findings\": []}", "1:1", "The baseline has no 'version'.")]
    [InlineData("[]", "1:1", "Expected a JSON object with 'version' and 'findings'.")]
    [InlineData("{\"version\": 1,\n \"findings\": [ {\"ruleId\": ", "2:27", "Not valid JSON:")]
    public async Task InvalidBaseline_NamesPositionAndExitsTwo(string text, string position, string message)
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", Insecure);
        folder.Write("baseline.json", text);

        var run = await Run(folder, "lint", ".", "--baseline", "baseline.json");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.StartsWith("netsec: error: baseline.json:" + position + ": invalid baseline: " + message, run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task MissingBaseline_ExitsTwo()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", Insecure);

        var run = await Run(folder, "lint", ".", "--baseline", "missing.json");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("netsec: error: The baseline file 'missing.json' was not found. Create it with 'netsec lint --write-baseline missing.json'.", run.Error.Trim());
    }

    [Fact]
    public async Task BaselineFolder_ExitsTwo()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", Insecure);
        Directory.CreateDirectory(folder.Combine("baselines"));

        var run = await Run(folder, "lint", ".", "--baseline", "baselines");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("netsec: error: The baseline file 'baselines' is a folder. Give the path of a file, such as '" + Path.Combine("baselines", "netsec-baseline.json") + "'.", run.Error.Trim());
    }

    [Fact]
    public async Task WriteBaselineToFolder_ExitsTwo()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", Insecure);
        Directory.CreateDirectory(folder.Combine("baselines"));

        var run = await Run(folder, "lint", ".", "--write-baseline", "baselines");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("netsec: error: Cannot write the baseline file 'baselines': it is a folder. Give a file path, such as '" + Path.Combine("baselines", "netsec-baseline.json") + "'.", run.Error.Trim());
    }
}
