using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.Cli;
using NetSecAnalyzers.ConfigLinter.Output;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Tests.Cli;

/// <summary>
/// Runs <c>netsec</c> in-process. Tests that need findings lint <c>*.fake</c> files through
/// <see cref="FakeFormat"/>; the others use the real formats and pass whatever the nginx reader does.
/// </summary>
public sealed partial class NetsecCommandTests
{
    private const string Insecure = "ssl_protocols TLSv1;\n";

    [Fact]
    public async Task EmptyFolder_ExitsZero()
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, realFormats: true, "lint", ".");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("0 errors, 0 warnings, 0 notes in 0 files", run.Output.Trim());
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task NoPath_LintsWorkingFolder()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", Insecure);

        var run = await Run(folder, "lint");

        Assert.Equal(ExitCodes.FindingsReported, run.ExitCode);
        Assert.StartsWith("site.fake:1:15: error NETSEC001:", run.Output);
    }

    [Theory]
    [InlineData("-old-site.conf")]
    [InlineData("-fjson")]
    public async Task AttachedShortOptionValue_IsUsageError(string word)
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", Insecure);

        var run = await Run(folder, "lint", word);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("netsec: error: Unrecognized option '" + word + "'.", Lines(run.Error)[0]);
        Assert.Empty(run.Output);
        Assert.False(File.Exists(folder.Combine("ld-site.conf")), "The report was written to a file named after the path.");
    }

    [Theory]
    [InlineData("--format=json")]
    [InlineData("--format:json")]
    public async Task OptionValueAfterSeparator_IsAccepted(string word)
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", Insecure);

        var run = await Run(folder, "lint", word, ".");

        Assert.Equal(ExitCodes.FindingsReported, run.ExitCode);
        Assert.StartsWith("{", run.Output.TrimStart());
    }

    [Fact]
    public async Task PathStartingWithAt_IsLintedAsFile()
    {
        using var folder = new TemporaryFolder();
        folder.Write("@team.fake", Insecure);

        var run = await Run(folder, "lint", "@team.fake");

        Assert.Equal(ExitCodes.FindingsReported, run.ExitCode);
        Assert.StartsWith("@team.fake:1:15: error NETSEC001:", run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task MissingPath_ExitsTwo()
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, realFormats: true, "lint", "does-not-exist");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("error path-not-found: No such file or folder: 'does-not-exist'.", run.Output);
    }

    [Fact]
    public async Task MissingPathWithFindings_ExitsTwo()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", Insecure);

        var run = await Run(folder, "lint", "site.fake", "does-not-exist");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("NETSEC001", run.Output);
    }

    [Theory]
    [InlineData(RuleSeverity.Error, "warning", ExitCodes.FindingsReported)]
    [InlineData(RuleSeverity.Warning, "warning", ExitCodes.FindingsReported)]
    [InlineData(RuleSeverity.Info, "warning", ExitCodes.Success)]
    [InlineData(RuleSeverity.Warning, "error", ExitCodes.Success)]
    [InlineData(RuleSeverity.Info, "note", ExitCodes.FindingsReported)]
    [InlineData(RuleSeverity.Error, "none", ExitCodes.Success)]
    public async Task FailLevel_DecidesExitCode(RuleSeverity severity, string failLevel, int expected)
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", Insecure);

        var run = await Run(folder, severity, "lint", ".", "--fail-level", failLevel);

        Assert.Equal(expected, run.ExitCode);
    }

    [Fact]
    public async Task DefaultFailLevel_IsWarning()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", Insecure);

        var warning = await Run(folder, RuleSeverity.Warning, "lint", ".");
        var note = await Run(folder, RuleSeverity.Info, "lint", ".");

        Assert.Equal(ExitCodes.FindingsReported, warning.ExitCode);
        Assert.Equal(ExitCodes.Success, note.ExitCode);
    }

    [Fact]
    public async Task OutputOption_WritesReportToFile()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", Insecure);

        var run = await Run(folder, "lint", ".", "--format", "sarif", "--output", "report.sarif");

        Assert.Equal(ExitCodes.FindingsReported, run.ExitCode);
        Assert.Equal("1 error, 0 warnings, 0 notes in 1 file", run.Output.Trim());
        using var log = JsonDocument.Parse(File.ReadAllText(folder.Combine("report.sarif")));
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        Assert.Equal("NETSEC001", log.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task JsonFormat_WritesJsonReport()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", Insecure);

        var run = await Run(folder, "lint", ".", "--format", "json");

        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal("site.fake", report.RootElement.GetProperty("findings")[0].GetProperty("location").GetProperty("path").GetString());
    }

    [Fact]
    public async Task OutputInMissingFolder_SaysWhichFolder()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", Insecure);
        var target = Path.Combine("no-such-folder", "report.txt");

        var run = await Run(folder, "lint", ".", "--output", target);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal(
            "netsec: error: Cannot write the report to '" + target + "': the folder 'no-such-folder' does not exist. Create it first, or give a path in an existing folder.",
            Assert.Single(Lines(run.Error)));
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task OutputIsFolder_SaysItIsAFolder()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", Insecure);
        folder.Write(Path.Combine("reports", "keep.txt"), string.Empty);

        var run = await Run(folder, "lint", ".", "--format", "sarif", "--output", "reports");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal(
            "netsec: error: Cannot write the report to 'reports': it is a folder. Give a file path, such as '" + Path.Combine("reports", "netsec.sarif") + "'.",
            Assert.Single(Lines(run.Error)));
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task OutputUnderAFile_SaysItIsAFile()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", Insecure);

        var run = await Run(folder, "lint", ".", "--output", Path.Combine("site.fake", "report.txt"));

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains(": 'site.fake' is a file, not a folder. Give a path in a folder.", run.Error);
    }

    [Fact]
    public async Task EmptyOutput_AsksForAFilePath()
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, "lint", ".", "--format", "json", "--output", "");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("netsec: error: The --output path is empty. Give a file path, such as 'netsec.json'.", Assert.Single(Lines(run.Error)));
    }

    [Theory]
    [InlineData("1.x")]
    [InlineData("1.25")]
    [InlineData("1.25.0.1")]
    [InlineData("")]
    public async Task InvalidNginxVersion_ExitsTwo(string version)
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, realFormats: true, "lint", ".", "--nginx-version", version);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("--nginx-version", run.Error);
    }

    [Fact]
    public async Task ValidNginxVersion_IsAccepted()
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, realFormats: true, "lint", ".", "--nginx-version", "1.27.3");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public async Task UnknownFormat_ExitsTwo()
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, realFormats: true, "lint", ".", "--format", "xml");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("netsec: error: Invalid --format 'xml': expected text, json or sarif.", Lines(run.Error)[0]);
    }

    [Fact]
    public async Task NoCommand_ExitsTwo()
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, realFormats: true);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal(
            new[] { "netsec: error: Missing command: expected lint, rules or merge-sarif.", "Run 'netsec --help' for usage." },
            Lines(run.Error));
    }

    [Fact]
    public async Task IncludedFileFinding_PrintsIncludeAsNote()
    {
        using var folder = new TemporaryFolder();
        folder.Write("nginx.conf", "events {}\nhttp {\n    server_tokens off;\n    include conf.d/*.conf;\n}\n");
        folder.Write(Path.Combine("conf.d", "site.conf"), "server {\n    listen 443 ssl;\n    ssl_protocols TLSv1 TLSv1.2;\n}\n");

        var run = await Run(folder, realFormats: true, "lint", ".");

        var lines = Lines(run.Output);
        var finding = Array.FindIndex(lines, line => line.Contains(" NETSEC001:", StringComparison.Ordinal));
        Assert.StartsWith(Path.Combine("conf.d", "site.conf") + ":3:19: error NETSEC001:", lines[finding]);
        Assert.Equal("nginx.conf:4:5: note: \"site.conf\" is included here", lines[finding + 1]);
    }

    [Fact]
    public async Task ByteOrderMark_FailsTheRun()
    {
        using var folder = new TemporaryFolder();
        folder.Write("nginx.conf", "\uFEFFevents {}\n");

        var run = await Run(folder, realFormats: true, "lint", ".");

        // nginx rejects the file, so a deployment check must fail as nginx -t would.
        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("0 errors, 0 warnings, 0 notes in 1 file; input problems: 1 error, 0 warnings, 0 notes", Lines(run.Output)[^1]);
    }

    [Fact]
    public async Task UnknownOption_IsUsageErrorAndLintsNothing()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", Insecure);

        var run = await Run(folder, "lint", ".", "--bogus");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("netsec: error: Unrecognized option '--bogus'.", Lines(run.Error)[0]);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task UnknownShortOption_IsUsageError()
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, "lint", "-x", ".");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("netsec: error: Unrecognized option '-x'.", Lines(run.Error));
    }

    [Fact]
    public async Task PathAfterDoubleDash_MayStartWithDash()
    {
        using var folder = new TemporaryFolder();
        folder.Write("-site.fake", Insecure);

        var run = await Run(folder, "lint", "--format", "text", "--", "-site.fake");

        Assert.Equal(ExitCodes.FindingsReported, run.ExitCode);
        Assert.StartsWith("-site.fake:1:15: error NETSEC001:", run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task OptionValue_MayStartWithDash()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", Insecure);

        var run = await Run(folder, "lint", "site.fake", "--output", "-report.txt");

        Assert.Equal(ExitCodes.FindingsReported, run.ExitCode);
        Assert.True(File.Exists(folder.Combine("-report.txt")));
    }

    [Fact]
    public async Task LintUsageError_SuggestsLintHelp()
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, "lint", "--bogus");

        Assert.Equal("Run 'netsec lint --help' for usage.", Lines(run.Error)[^1]);
    }

    [Fact]
    public async Task LintHelp_ShowsListDefaultsWithCommas()
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, "lint", "--help");

        Assert.Contains("[default: login,log-in,signin,", run.Output);
        Assert.Contains("[default: 5432,3306,1433,", run.Output);
        Assert.DoesNotContain("login|log-in", run.Output);
        Assert.DoesNotContain("5432|3306", run.Output);
    }

    [Fact]
    public async Task RulesUsageError_SuggestsRulesHelp()
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, "rules", "--format", "xml");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("Run 'netsec rules --help' for usage.", Lines(run.Error)[^1]);
    }

    [Fact]
    public async Task RulesExtraArgument_IsUsageError()
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, "rules", "extra");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("netsec: error: Unexpected argument 'extra': 'rules' takes no arguments.", Lines(run.Error)[0]);
    }

    [Fact]
    public async Task UnknownCommandWithPath_ReportsCommandOnce()
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, "check", ".");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal(
            new[] { "netsec: error: Unrecognized command 'check': expected lint, rules or merge-sarif.", "Run 'netsec --help' for usage." },
            Lines(run.Error));
    }

    [Fact]
    public async Task UnknownCommand_PrintsOnlyUnrecognizedCommand()
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, "frob");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal(
            new[] { "netsec: error: Unrecognized command 'frob': expected lint, rules or merge-sarif.", "Run 'netsec --help' for usage." },
            Lines(run.Error));
    }

    [Fact]
    public async Task UsageErrors_ShareErrorPrefix()
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, "lint", "--nginx-version", "1.x", "--format", "xml");

        var errors = Lines(run.Error)[..^1];
        Assert.Equal(2, errors.Length);
        Assert.All(errors, line => Assert.StartsWith(NetsecCommand.ErrorPrefix, line));
    }

    [Fact]
    public async Task VersionOption_PrintsProductVersion()
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, realFormats: true, "--version");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(ToolInfo.Version, run.Output.Trim());
    }

    [Fact]
    public async Task RulesCommand_PrintsAlignedTable()
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, realFormats: true, "rules");

        var lines = run.Output.TrimEnd().Split('\n');
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(RuleCatalog.All.Count + 1, lines.Length);
        Assert.StartsWith("ID ", lines[0]);
        Assert.Matches(@"^NETSEC001\s+error\s+implemented\s+implemented\s+-\s+-\s+Legacy TLS or SSL protocol enabled", lines[1]);
        Assert.Equal(lines[0].IndexOf("TITLE", System.StringComparison.Ordinal), lines[1].IndexOf("Legacy", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task RulesCommand_PrintsJson()
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, realFormats: true, "rules", "--format", "json");

        using var rules = JsonDocument.Parse(run.Output);
        Assert.Equal(RuleCatalog.All.Count, rules.RootElement.GetArrayLength());
        Assert.Equal("implemented", rules.RootElement[1].GetProperty("targets").GetProperty("nginx").GetString());
        Assert.Equal(JsonValueKind.Null, rules.RootElement[1].GetProperty("targets").GetProperty("firewall").ValueKind);
    }

    [Fact]
    public async Task SuppressedFindingOnly_ExitsZero()
    {
        using var folder = new TemporaryFolder();
        folder.Write("nginx.conf", "http {\n    ssl_protocols TLSv1; # netsec-disable-line NETSEC001: legacy clients\n}\n");

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("0 errors, 0 warnings, 0 notes in 1 file; 1 suppressed", run.Output.Trim());
    }

    [Fact]
    public async Task SuppressedAndReportedFindings_ExitsOne()
    {
        using var folder = new TemporaryFolder();
        folder.Write("nginx.conf", "http {\n    ssl_protocols TLSv1; # netsec-disable-line NETSEC001: legacy clients\n    ssl_protocols TLSv1.1;\n}\n");

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--fail-level", "note");

        Assert.Equal(ExitCodes.FindingsReported, run.ExitCode);
        Assert.StartsWith("nginx.conf:3:19: error NETSEC001:", run.Output);
        Assert.EndsWith("1 error, 0 warnings, 0 notes in 1 file; 1 suppressed", run.Output.Trim());
    }

    [Fact]
    public async Task InvalidSuppression_WarnsAndExitsOne()
    {
        using var folder = new TemporaryFolder();
        folder.Write("nginx.conf", "http {\n    ssl_protocols TLSv1; # netsec-disable-line NETSEC001\n}\n");

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf");

        Assert.Equal(ExitCodes.FindingsReported, run.ExitCode);
        Assert.StartsWith("nginx.conf:2:19: error NETSEC001:", Lines(run.Output)[0]);
        Assert.StartsWith("nginx.conf:2:26: warning suppression-missing-reason:", Lines(run.Output)[1]);
    }

    private static string[] Lines(string text) =>
        text.Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToArray();

    private static Task<CommandRun> Run(TemporaryFolder folder, params string[] args) =>
        Run(folder, RuleSeverity.Error, args);

    private static Task<CommandRun> Run(TemporaryFolder folder, RuleSeverity severity, params string[] args) =>
        Run(folder, new[] { FakeFormat.Create(severity) }, args);

    private static Task<CommandRun> Run(TemporaryFolder folder, bool realFormats, params string[] args) =>
        Run(folder, realFormats ? ConfigurationFormats.All : new[] { FakeFormat.Create() }, args);

    private static Task<CommandRun> Run(TemporaryFolder folder, System.Collections.Generic.IReadOnlyList<ConfigurationFormat> formats, string[] args) =>
        RunIn(folder.Path, formats, args);

    private static async Task<CommandRun> RunIn(string workingDirectory, System.Collections.Generic.IReadOnlyList<ConfigurationFormat> formats, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await NetsecCommand.RunAsync(args, new CliContext(output, error, workingDirectory, formats));
        return new CommandRun(exitCode, output.ToString(), error.ToString());
    }

    private sealed record CommandRun(int ExitCode, string Output, string Error);
}
