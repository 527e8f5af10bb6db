using System;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace NetSecAnalyzers.Package.Tests;

/// <summary>
/// Packs the NetSecAnalyzers package once for the test class, under a version no real release uses, into a
/// temporary folder that also serves as the only package source of the sample builds.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        Version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Guid.NewGuid().ToString("N").Substring(0, 8);
        WorkFolder = Directory.CreateTempSubdirectory("netsec-package-").FullName;
        FeedFolder = Directory.CreateDirectory(Path.Combine(WorkFolder, "feed")).FullName;

        var repository = RepositoryRoot.Find();
        var pack = DotnetCli.Run(
            repository,
            "pack",
            Path.Combine("src", "Package", "NetSecAnalyzers.Package.csproj"),
            "--configuration", "Release",
            "--artifacts-path", Path.Combine(WorkFolder, "artifacts"),
            "--output", FeedFolder,
            "-p:Version=" + Version);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed with exit code " + pack.ExitCode + ":\n" + pack.Output);
        }

        PackagePath = Directory.GetFiles(FeedFolder, "NetSecAnalyzers." + Version + ".nupkg").Single();
    }

    public string Version { get; }

    public string WorkFolder { get; }

    public string FeedFolder { get; }

    public string PackagePath { get; }

    public string[] EntryNames()
    {
        using var archive = ZipFile.OpenRead(PackagePath);
        return archive.Entries.Select(entry => entry.FullName).ToArray();
    }

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
