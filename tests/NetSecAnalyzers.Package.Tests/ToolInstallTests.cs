using System;
using System.IO;

namespace NetSecAnalyzers.Package.Tests;

/// <summary>
/// Installs the packed netsec tool into a temporary tool path, with the package folder as the only NuGet
/// source, and runs the installed command the way a user or a CI job does.
/// </summary>
public sealed class ToolInstallTests : IClassFixture<PackedTool>
{
    private readonly PackedTool tool;

    public ToolInstallTests(PackedTool tool) => this.tool = tool;

    [Fact]
    public void Package_IsDotnetTool()
    {
        var entries = tool.EntryNames();

        Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", entries);
        Assert.Contains("tools/net10.0/any/netsec.dll", entries);
        Assert.Contains("tools/net10.0/any/YamlDotNet.dll", entries);
        Assert.Contains("README.md", entries);
    }

    [Fact]
    public void InstalledTool_LintReportsLegacyTls()
    {
        var netsec = Install("lint");
        var site = Path.Combine(tool.WorkFolder, "lint", "site");
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(site, "nginx.conf"), "events {}\nhttp {\n    ssl_protocols TLSv1;\n}\n");

        var result = DotnetCli.RunProgram(netsec, site, "lint", "nginx.conf");

        Assert.True(result.ExitCode == 1, "netsec lint exited with " + result.ExitCode + ":\n" + result.Output);
        Assert.Contains("nginx.conf:3:19: error NETSEC001:", result.Output);
    }

    /// <summary>The compose reader needs YamlDotNet at run time, so this fails when the package leaves it out.</summary>
    [Fact]
    public void InstalledTool_LintReportsComposeFinding()
    {
        var netsec = Install("compose");
        var stack = Path.Combine(tool.WorkFolder, "compose", "stack");
        Directory.CreateDirectory(stack);
        File.WriteAllText(Path.Combine(stack, "compose.yaml"), "services:\n  cache:\n    image: redis:7\n    network_mode: host\n");

        var result = DotnetCli.RunProgram(netsec, stack, "lint", "compose.yaml");

        Assert.True(result.ExitCode == 1, "netsec lint exited with " + result.ExitCode + ":\n" + result.Output);
        Assert.Contains("compose.yaml:4:19: error NETSEC061:", result.Output);
    }

    [Fact]
    public void InstalledTool_PrintsPackageVersion()
    {
        var netsec = Install("version");

        var result = DotnetCli.RunProgram(netsec, tool.WorkFolder, "--version");

        Assert.True(result.ExitCode == 0, "netsec --version exited with " + result.ExitCode + ":\n" + result.Output);
        Assert.StartsWith(tool.Version, result.Output.Trim(), StringComparison.Ordinal);
    }

    /// <summary>Installs the tool into its own folder under the work folder and returns the command's path.</summary>
    private string Install(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(tool.WorkFolder, name)).FullName;
        tool.WriteFeedOnlyNuGetConfig(folder);
        var toolPath = Path.Combine(folder, "tools");

        var install = DotnetCli.Run(
            folder,
            "tool", "install",
            "--tool-path", toolPath,
            "--add-source", tool.FeedFolder,
            tool.PackageId,
            "--version", tool.Version);

        Assert.True(install.ExitCode == 0, "dotnet tool install failed:\n" + install.Output);
        return Path.Combine(toolPath, OperatingSystem.IsWindows() ? "netsec.exe" : "netsec");
    }
}
