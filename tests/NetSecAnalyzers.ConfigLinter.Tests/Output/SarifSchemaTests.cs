using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;
using NJsonSchema;
using Xunit.Abstractions;

namespace NetSecAnalyzers.ConfigLinter.Tests.Output;

/// <summary>
/// Validates SARIF output against the OASIS SARIF 2.1.0 JSON schema (draft-04) from the shared corpus.
/// When the environment variable <c>NETSEC_SARIF_SAMPLE_DIR</c> names a folder, each validated log is also
/// written there, so that CI can run Microsoft's SARIF validator (.ci/sarif-validate) on the same files.
/// </summary>
public sealed class SarifSchemaTests
{
    private const string SampleFolderVariable = "NETSEC_SARIF_SAMPLE_DIR";

    private readonly ITestOutputHelper output;

    public SarifSchemaTests(ITestOutputHelper output) => this.output = output;

    [CorpusFact]
    public async Task MixedResult_MatchesSchema()
    {
        using var folder = new TemporaryFolder();
        using var other = new TemporaryFolder();
        var outside = other.Write("nginx.conf", SampleFindings.NginxConf);
        var mixed = SampleFindings.Mixed(folder);
        var result = new LintResult(
            folder.Path,
            mixed.Findings.Append(SampleFindings.LegacyTls(outside, 4, 23)),
            mixed.Notifications,
            mixed.FilesAnalyzed);

        await AssertMatchesSchema(SarifFormatterTests.FormatText(result), "mixed.sarif");
    }

    [CorpusFact]
    public async Task EmptyResult_MatchesSchema()
    {
        using var folder = new TemporaryFolder();
        var result = new LintResult(folder.Path, new Finding[0], new LintNotification[0], new string[0]);

        await AssertMatchesSchema(SarifFormatterTests.FormatText(result), "empty.sarif");
    }

    [CorpusFact]
    public async Task RegionStartingAtLineZero_FailsSchema()
    {
        using var folder = new TemporaryFolder();
        var sarif = SarifFormatterTests.FormatText(SampleFindings.Mixed(folder))
            .Replace("\"startLine\": 4,", "\"startLine\": 0,", StringComparison.Ordinal);
        var schema = await LoadSchema();

        var errors = schema.Validate(sarif);

        Assert.NotEmpty(errors);
    }

    [CorpusFact]
    public async Task SuppressedResult_MatchesSchema()
    {
        using var folder = new TemporaryFolder();
        var result = SampleFindings.OneSuppressed(folder);

        await AssertMatchesSchema(SarifFormatterTests.FormatText(result), "suppressed.sarif");
    }

    [CorpusFact]
    public async Task BaselineStates_MatchesSchema()
    {
        using var folder = new TemporaryFolder();
        var result = SampleFindings.Mixed(folder);
        for (var i = 0; i < result.Findings.Count; i++)
        {
            result.Findings[i].BaselineState = i % 2 == 0 ? BaselineState.Unchanged : BaselineState.New;
        }

        await AssertMatchesSchema(SarifFormatterTests.FormatText(result), "baseline.sarif");
    }

    [CorpusFact]
    public async Task MergedCompilerAndNetsecLogs_MatchSchema()
    {
        using var folder = new TemporaryFolder();
        var merger = new NetSecAnalyzers.ConfigLinter.Output.SarifMerger(folder.Path);
        merger.Add(CompilerLogFixture.Write(folder), "HospitalApi");
        merger.Add(SarifMergerTests.NetsecLog(folder), "netsec");
        var merged = new StringWriter();

        merger.Write(merged);

        await AssertMatchesSchema(merged.ToString(), "merged.sarif");
    }

    private static Task<JsonSchema> LoadSchema() =>
        JsonSchema.FromFileAsync(Path.Combine(SharedCorpus.RequireDirectory(), "schemas", "sarif-schema-2.1.0.json"));

    private async Task AssertMatchesSchema(string sarif, string sampleName)
    {
        var sampleFolder = Environment.GetEnvironmentVariable(SampleFolderVariable);
        if (!string.IsNullOrEmpty(sampleFolder))
        {
            Directory.CreateDirectory(sampleFolder);
            File.WriteAllText(Path.Combine(sampleFolder, sampleName), sarif);
        }

        var schema = await LoadSchema();

        var errors = schema.Validate(sarif);

        foreach (var error in errors)
        {
            output.WriteLine(error.ToString());
        }

        Assert.Empty(errors);
    }
}
