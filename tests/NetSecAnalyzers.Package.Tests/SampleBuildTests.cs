using System.IO;

namespace NetSecAnalyzers.Package.Tests;

/// <summary>
/// Builds copies of the sample projects against the packed package, with the package folder as the only
/// NuGet source and a private packages folder, so nothing is downloaded and no cached copy interferes.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class SampleBuildTests
{
    private readonly PackedPackage package;

    public SampleBuildTests(PackedPackage package) => this.package = package;

    [Fact]
    public void Package_ContainsAnalyzerAssemblies()
    {
        var entries = package.EntryNames();

        Assert.Contains("analyzers/dotnet/cs/NetSecAnalyzers.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/NetSecAnalyzers.CodeFixes.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/NetSecAnalyzers.Catalog.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/NetSecAnalyzers.ConfigFiles.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/NetSecAnalyzers.ConfigLinter.dll", entries);
        Assert.Contains("build/NetSecAnalyzers.props", entries);
        Assert.Contains("build/NetSecAnalyzers.targets", entries);
        Assert.Contains("build/config/netsec_all.globalconfig", entries);
        Assert.Contains("build/config/netsec_suggestions.globalconfig", entries);
        Assert.DoesNotContain(entries, entry => entry.EndsWith("System.Text.Json.dll", System.StringComparison.Ordinal));
        Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", System.StringComparison.Ordinal));
    }

    [Fact]
    public void InsecureSample_BuildFailsWithNetsec001AndNetsec020()
    {
        var result = BuildSample("insecure");

        Assert.True(result.ExitCode != 0, "The insecure sample built successfully:\n" + result.Output);
        Assert.Contains("Program.cs(15,", result.Output);
        Assert.Contains("error NETSEC001", result.Output);
        Assert.Contains("error NETSEC020", result.Output);
    }

    [Fact]
    public void HardenedSample_BuildsWithoutFindings()
    {
        var result = BuildSample("hardened");

        Assert.True(result.ExitCode == 0, "The hardened sample failed to build:\n" + result.Output);
        Assert.DoesNotContain("NETSEC", result.Output);
    }

    private CommandResult BuildSample(string sample)
    {
        var source = Path.Combine(RepositoryRoot.Find(), "samples", sample, "HospitalApi");
        var project = Path.Combine(package.WorkFolder, sample, "HospitalApi");
        CopyProject(source, project);
        package.WriteFeedOnlyNuGetConfig(Path.Combine(package.WorkFolder, sample));

        return DotnetCli.Run(
            project,
            "build",
            "-p:NetSecAnalyzersVersion=" + package.Version,
            "-p:RestorePackagesPath=" + Path.Combine(package.WorkFolder, "packages"));
    }

    private static void CopyProject(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)), overwrite: true);
        }
    }
}
