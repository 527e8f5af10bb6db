using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NetSecAnalyzers.Cli;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;
using NetSecAnalyzers.ConfigLinter.Tests.Output;

namespace NetSecAnalyzers.ConfigLinter.Tests.Cli;

/// <summary><c>netsec merge-sarif</c>: files and folders as inputs, the output file, and inputs that are not SARIF 2.1.0.</summary>
public sealed partial class NetsecCommandTests
{
    [Fact]
    public async Task MergeSarif_WritesOneRunPerInputRun()
    {
        using var folder = new TemporaryFolder();
        CompilerLogFixture.Write(folder, Path.Combine("logs", "HospitalApi.sarif"));
        folder.Write("deploy/nginx.conf", "server {\n    listen 80;\n    server_tokens on;\n}\n");
        await Run(folder, realFormats: true, "lint", "deploy", "--format", "sarif", "--output", "netsec.sarif");

        var run = await Run(folder, "merge-sarif", "logs", "netsec.sarif", "--output", "logs/merged.sarif");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("Merged 2 runs into logs/merged.sarif", run.Output.Trim());
        Assert.Empty(run.Error);
        using var merged = JsonDocument.Parse(File.ReadAllText(folder.Combine("logs/merged.sarif")));
        Assert.Equal("2.1.0", merged.RootElement.GetProperty("version").GetString());
        var ids = merged.RootElement.GetProperty("runs").EnumerateArray().Select(item => item.GetProperty("automationDetails").GetProperty("id").GetString());
        Assert.Equal(new[] { "HospitalApi/", "netsec/" }, ids);
    }

    [Fact]
    public async Task MergeSarif_SkipsOutputInInputFolder()
    {
        using var folder = new TemporaryFolder();
        CompilerLogFixture.Write(folder, Path.Combine("logs", "HospitalApi.sarif"));
        await Run(folder, "merge-sarif", "logs", "--output", "logs/merged.sarif");

        var run = await Run(folder, "merge-sarif", "logs", "--output", "logs/merged.sarif");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("Merged 1 run into logs/merged.sarif", run.Output.Trim());
    }

    [Fact]
    public async Task MergeSarif_VersionOneLog_ExitsTwo()
    {
        using var folder = new TemporaryFolder();
        folder.Write("old.sarif", "{\"version\": \"1.0.0\", \"runs\": []}");

        var run = await Run(folder, "merge-sarif", "old.sarif");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.StartsWith("netsec: error: old.sarif: invalid SARIF log: SARIF version '1.0.0' is not supported", run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task MergeSarif_BrokenJson_NamesLineAndColumn()
    {
        using var folder = new TemporaryFolder();
        folder.Write("broken.sarif", "{\n  \"version\": \"2.1.0\",\n  \"runs\": [ } \n}");

        var run = await Run(folder, "merge-sarif", "broken.sarif");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.StartsWith("netsec: error: broken.sarif:3:13: invalid SARIF log: not valid JSON:", run.Error);
    }

    [Fact]
    public async Task MergeSarif_EmptyFolder_ExitsTwo()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.Combine("logs"));

        var run = await Run(folder, "merge-sarif", "logs", "--output", "merged.sarif");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("netsec: error: No .sarif files in 'logs'.", run.Error.Trim());
        Assert.False(File.Exists(folder.Combine("merged.sarif")));
    }

    [Fact]
    public async Task MergeSarif_MissingInput_ExitsTwo()
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, "merge-sarif", "missing.sarif");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("netsec: error: No such file or folder: 'missing.sarif'.", run.Error.Trim());
    }
}
