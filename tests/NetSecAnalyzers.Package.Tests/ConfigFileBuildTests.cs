using System.IO;
using System.Linq;
using System.Text.Json;

namespace NetSecAnalyzers.Package.Tests;

/// <summary>
/// Builds a small project with an nginx.conf next to its code against the packed package: the package's
/// build files add the config file, and the hosted linter reports into it with the build's severities.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class ConfigFileBuildTests
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="NetSecAnalyzers" Version="$(NetSecAnalyzersVersion)" PrivateAssets="all" />
          </ItemGroup>
        </Project>
        """;

    // NETSEC001 is at line 6, column 19 (TLSv1); the server also lacks HSTS, a NETSEC032 warning.
    private const string NginxConf = """
        events {}
        http {
          server {
            listen 443 ssl;
            server_tokens off;
            ssl_protocols TLSv1 TLSv1.2;
          }
        }
        """;

    private readonly PackedPackage package;

    public ConfigFileBuildTests(PackedPackage package) => this.package = package;

    [Fact]
    public void NginxConfWithTlsv1_FailsBuildAtItsLine()
    {
        var result = Build("recommended");

        Assert.True(result.ExitCode != 0, "The project built successfully:\n" + result.Output);
        Assert.Contains(Path.Combine("nginx", "nginx.conf") + "(6,19): error NETSEC001: ssl_protocols TLSv1 TLSv1.2 enables TLSv1", result.Output);
        Assert.Contains("warning NETSEC032", result.Output);
    }

    [Fact]
    public void IncludeConfigFilesFalse_BuildsWithoutFindings()
    {
        var result = Build("opt-out", "-p:NetSecIncludeConfigFiles=false");

        Assert.True(result.ExitCode == 0, "The project failed to build:\n" + result.Output);
        Assert.DoesNotContain("NETSEC", result.Output);
    }

    [Fact]
    public void NetSecConfigFileItem_AddsFileOutsideDefaults()
    {
        var result = Build("item", "-p:NetSecIncludeConfigFiles=false", "-p:NetSecExtraConfigFile=nginx/nginx.conf");

        Assert.True(result.ExitCode != 0, "The project built successfully:\n" + result.Output);
        Assert.Contains("nginx.conf(6,19): error NETSEC001", result.Output);
    }

    [Fact]
    public void AnalysisModeAll_MakesWarningsErrors()
    {
        var result = Build("mode-all", "-p:NetSecAnalysisMode=All");

        Assert.True(result.ExitCode != 0, "The project built successfully:\n" + result.Output);
        Assert.Contains("error NETSEC001", result.Output);
        Assert.Contains("error NETSEC032", result.Output);
        Assert.DoesNotContain("warning NETSEC032", result.Output);
    }

    [Fact]
    public void AnalysisModeSuggestions_BuildsWithNotes()
    {
        var log = Path.Combine(package.WorkFolder, "mode-suggestions.sarif");

        // %2C is an escaped comma: MSBuild reads a bare comma in -p as the start of another property.
        var result = Build("mode-suggestions", "-p:NetSecAnalysisMode=Suggestions", "-p:ErrorLog=" + log + "%2Cversion=2.1");

        Assert.True(result.ExitCode == 0, "The project failed to build:\n" + result.Output);
        Assert.DoesNotContain("error NETSEC", result.Output);
        Assert.DoesNotContain("warning NETSEC", result.Output);
        var levels = SarifLevels(log, "NETSEC001");
        Assert.NotEmpty(levels);
        Assert.All(levels, level => Assert.Equal("note", level));
    }

    [Fact]
    public void InvalidAnalysisMode_WarnsAndKeepsDefaults()
    {
        var result = Build("mode-invalid", "-p:NetSecAnalysisMode=Strict");

        Assert.Contains("NetSecAnalysisMode 'Strict' is not valid", result.Output);
        Assert.Contains("error NETSEC001", result.Output);
        Assert.Contains("warning NETSEC032", result.Output);
    }

    private CommandResult Build(string name, params string[] properties)
    {
        var folder = Directory.CreateDirectory(Path.Combine(package.WorkFolder, "config-" + name)).FullName;
        var project = Directory.CreateDirectory(Path.Combine(folder, "App")).FullName;
        package.WriteFeedOnlyNuGetConfig(folder);
        File.WriteAllText(Path.Combine(project, "App.csproj"), Project.Replace(
            "</Project>",
            "  <ItemGroup>\n    <NetSecConfigFile Include=\"$(NetSecExtraConfigFile)\" Condition=\"'$(NetSecExtraConfigFile)' != ''\" />\n  </ItemGroup>\n</Project>"));
        File.WriteAllText(Path.Combine(project, "Library.cs"), "namespace App;\n\npublic static class Library\n{\n}\n");
        Directory.CreateDirectory(Path.Combine(project, "nginx"));
        File.WriteAllText(Path.Combine(project, "nginx", "nginx.conf"), NginxConf);

        var arguments = new[]
        {
            "build",
            "-p:NetSecAnalyzersVersion=" + package.Version,
            "-p:RestorePackagesPath=" + Path.Combine(package.WorkFolder, "packages"),
        };
        return DotnetCli.Run(project, arguments.Concat(properties).ToArray());
    }

    private static string[] SarifLevels(string logPath, string ruleId)
    {
        using var log = JsonDocument.Parse(File.ReadAllText(logPath));
        return log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(result => result.GetProperty("ruleId").GetString() == ruleId)
            .Select(result => result.TryGetProperty("level", out var level) ? level.GetString()! : "warning")
            .ToArray();
    }
}
