using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace NetSecAnalyzers.Analyzers.Tests.Infrastructure;

/// <summary>
/// Reference assemblies taken from the targeting packs of the .NET SDK that runs the tests, so that no
/// test downloads a package. The .NET and ASP.NET Core packs are both used because Kestrel's TLS options
/// live in the ASP.NET Core one.
/// </summary>
internal static class SdkReferenceAssemblies
{
    private const string TargetFramework = "net10.0";

    private static readonly string[] Packs = { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" };

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    /// <summary>
    /// A reference set that names the target framework but holds no package, so the testing library
    /// resolves nothing through NuGet; the real references come from <see cref="MetadataReferences"/>.
    /// </summary>
    public static ReferenceAssemblies NoPackages { get; } = new(TargetFramework);

    /// <summary>The reference assemblies of both targeting packs, shared by every test compilation.</summary>
    public static ImmutableArray<MetadataReference> MetadataReferences => LazyReferences.Value;

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var dotnetRoot = FindDotnetRoot();
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var pack in Packs)
        {
            var folder = FindNewestPackFolder(dotnetRoot, pack);
            foreach (var file in Directory.GetFiles(folder, "*.dll").OrderBy(path => path, StringComparer.Ordinal))
            {
                references.Add(MetadataReference.CreateFromFile(file));
            }
        }

        return references.ToImmutable();
    }

    /// <summary>
    /// Finds the dotnet root from the running runtime, whose core library sits in
    /// <c>ROOT/shared/Microsoft.NETCore.App/VERSION/</c>.
    /// </summary>
    private static string FindDotnetRoot()
    {
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var root = runtimeFolder is null ? null : Directory.GetParent(runtimeFolder)?.Parent?.Parent?.FullName;
        if (root is null || !Directory.Exists(Path.Combine(root, "packs")))
        {
            throw new InvalidOperationException(
                "The .NET SDK's packs folder was not found next to the running runtime ("
                + (runtimeFolder ?? "unknown location")
                + "). The analyzer tests take their reference assemblies from ROOT/packs; run them with a full .NET SDK.");
        }

        return root;
    }

    private static string FindNewestPackFolder(string dotnetRoot, string pack)
    {
        var packFolder = Path.Combine(dotnetRoot, "packs", pack);
        var candidates = new List<(Version Version, string Prerelease, string Folder)>();
        if (Directory.Exists(packFolder))
        {
            foreach (var versionFolder in Directory.GetDirectories(packFolder))
            {
                var refFolder = Path.Combine(versionFolder, "ref", TargetFramework);
                if (Directory.Exists(refFolder) && TryParseVersion(Path.GetFileName(versionFolder), out var version, out var prerelease))
                {
                    candidates.Add((version, prerelease, refFolder));
                }
            }
        }

        if (candidates.Count == 0)
        {
            throw new InvalidOperationException(
                "No " + pack + " targeting pack with a ref/" + TargetFramework + " folder was found under " + packFolder
                + ". Install the .NET 10 SDK (it carries this pack) to run the analyzer tests.");
        }

        // A release sorts after its own prereleases, which carry a suffix such as "-rc.2".
        return candidates
            .OrderBy(candidate => candidate.Version)
            .ThenBy(candidate => candidate.Prerelease.Length == 0)
            .ThenBy(candidate => candidate.Prerelease, StringComparer.Ordinal)
            .Last()
            .Folder;
    }

    private static bool TryParseVersion(string folderName, out Version version, out string prerelease)
    {
        var dash = folderName.IndexOf('-');
        prerelease = dash < 0 ? string.Empty : folderName.Substring(dash + 1);
        return Version.TryParse(dash < 0 ? folderName : folderName.Substring(0, dash), out version!);
    }
}
