using System;
using System.IO;

namespace NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

/// <summary>
/// Locates the real-world configuration corpus, which sits in a <c>shared</c> folder beside the
/// repository on the team's machines and in CI, and is absent from a user's clone.
/// </summary>
internal static class SharedCorpus
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The corpus folder, or null when this checkout has none beside it.</summary>
    public static string? Directory => Root.Value;

    public static string RequireDirectory() =>
        Directory ?? throw new InvalidOperationException("The shared corpus folder is not present.");

    private static string? FindRoot()
    {
        var repository = RepositoryRoot.Find();
        var corpus = Path.GetFullPath(Path.Combine(repository, "..", "shared", "corpus"));
        return System.IO.Directory.Exists(corpus) ? corpus : null;
    }
}

/// <summary>A test that needs the shared corpus; it is skipped, with a reason, where the corpus is absent.</summary>
internal sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (SharedCorpus.Directory is null)
        {
            Skip = "The shared corpus folder (../shared/corpus beside the repository) is not present.";
        }
    }
}

/// <summary>The theory form of <see cref="CorpusFactAttribute"/>.</summary>
internal sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (SharedCorpus.Directory is null)
        {
            Skip = "The shared corpus folder (../shared/corpus beside the repository) is not present.";
        }
    }
}
