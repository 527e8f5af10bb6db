using System;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace NetSecAnalyzers.Package.Tests;

/// <summary>
/// Packs one project of the repository once for a test class, under a version no real release uses, into a
/// temporary folder that also serves as the only package source of what the tests restore or install.
/// </summary>
public abstract class PackedProject : IDisposable
{
    /// <param name="projectPath">The project to pack, relative to the repository root.</param>
    /// <param name="packageId">The package ID the project packs as.</param>
    protected PackedProject(string projectPath, string packageId)
    {
        PackageId = packageId;
        Version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Guid.NewGuid().ToString("N").Substring(0, 8);
        WorkFolder = Directory.CreateTempSubdirectory("netsec-package-").FullName;
        FeedFolder = Directory.CreateDirectory(Path.Combine(WorkFolder, "feed")).FullName;

        var pack = DotnetCli.Run(
            RepositoryRoot.Find(),
            "pack",
            projectPath,
            "--configuration", "Release",
            "--artifacts-path", Path.Combine(WorkFolder, "artifacts"),
            "--output", FeedFolder,
            "-p:Version=" + Version);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed with exit code " + pack.ExitCode + ":\n" + pack.Output);
        }

        PackagePath = Directory.GetFiles(FeedFolder, packageId + "." + Version + ".nupkg").Single();
    }

    public string PackageId { get; }

    public string Version { get; }

    public string WorkFolder { get; }

    public string FeedFolder { get; }

    public string PackagePath { get; }

    public string[] EntryNames()
    {
        using var archive = ZipFile.OpenRead(PackagePath);
        return archive.Entries.Select(entry => entry.FullName).ToArray();
    }

    /// <summary>Writes a NuGet.config into <paramref name="folder"/> whose only package source is the feed.</summary>
    public void WriteFeedOnlyNuGetConfig(string folder) =>
        File.WriteAllText(Path.Combine(folder, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="netsec-test-feed" value="{FeedFolder}" />
              </packageSources>
            </configuration>
            """);

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless, so it must not fail the run.
        }
    }
}

/// <summary>The NetSecAnalyzers analyzer package, packed for the sample builds.</summary>
public sealed class PackedPackage : PackedProject
{
    public PackedPackage()
        : base(Path.Combine("src", "Package", "NetSecAnalyzers.Package.csproj"), "NetSecAnalyzers")
    {
    }
}

/// <summary>The netsec .NET tool, packed for installation into a temporary folder.</summary>
public sealed class PackedTool : PackedProject
{
    public PackedTool()
        : base(Path.Combine("src", "ConfigLinter", "Cli", "netsec.csproj"), "NetSecAnalyzers.Tool")
    {
    }
}
