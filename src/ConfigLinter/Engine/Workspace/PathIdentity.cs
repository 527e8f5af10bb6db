using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Security;
using System.Threading;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>
/// Identifies a file by its real path, so that a file reached through a symbolic link (a Debian
/// <c>sites-enabled/default</c> pointing at <c>../sites-available/default</c>) counts as the file it points to.
/// </summary>
/// <remarks>
/// Links are resolved only where the runtime has a link API (.NET 6 and later). The netstandard2.0 build
/// has none and falls back to the full path, so there a linked file is still read once per path.
/// </remarks>
internal static class PathIdentity
{
    /// <summary>The number of links followed before giving up, as Linux's <c>MAXSYMLINKS</c> (40).</summary>
    private const int MaxLinksFollowed = 40;

    // The real paths resolved during the current lint run, or null outside a run. The file walk, the format
    // linters, the suppressions and the result each resolve the same paths, and every resolution costs a
    // system call per folder of the path. The value flows with the execution context, so the worker threads
    // of a parallel format linter share the cache of the run that started them, and concurrent runs stay apart.
    private static readonly AsyncLocal<ConcurrentDictionary<string, string>?> RunCache = new();

    /// <summary>
    /// Remembers real paths until the returned scope is disposed, so that a lint run resolves each path
    /// once. Links that change during the run are not noticed, because a run already assumes its files stay put.
    /// A scope opened inside another one shares the outer cache.
    /// </summary>
    public static IDisposable CacheForRun()
    {
        var outer = RunCache.Value;
        RunCache.Value = outer ?? new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        return new CacheScope(outer);
    }

    /// <summary>
    /// Returns the absolute path of <paramref name="path"/> with every symbolic link in it resolved. The
    /// part of a path that does not exist stays as written, and a link loop returns the full path unresolved.
    /// </summary>
    public static string RealPath(string path) =>
        RealPath(path, RunCache.Value ?? new ConcurrentDictionary<string, string>(StringComparer.Ordinal), linksFollowed: 0);

    private static string RealPath(string path, ConcurrentDictionary<string, string> cache, int linksFollowed)
    {
        if (!cache.TryGetValue(path, out var realPath))
        {
            // Two threads may resolve the same path at once. Both get the same real path, so either result may be kept.
            realPath = FullPathOrNull(path) is { } fullPath ? ResolveLinks(fullPath, cache, linksFollowed) : path;
            cache[path] = realPath;
        }

        return realPath;
    }

    private static string? FullPathOrNull(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException or SecurityException)
        {
            return null;
        }
    }

    public static HashSet<string> CreateSet() => new(PathComparison.Comparer);

    private sealed class CacheScope : IDisposable
    {
        private readonly ConcurrentDictionary<string, string>? outer;

        public CacheScope(ConcurrentDictionary<string, string>? outer) => this.outer = outer;

        public void Dispose() => RunCache.Value = outer;
    }

    /// <summary>
    /// Resolves a full path from its folder's real path, which the cache usually has already, and then its last
    /// component, so that a walk of ten thousand files in a few folders costs one system call per file. When
    /// the last component is a link, its target is resolved as a path of its own, because the target's folders
    /// may be links too.
    /// </summary>
    private static string ResolveLinks(string fullPath, ConcurrentDictionary<string, string> cache, int linksFollowed)
    {
#if NET6_0_OR_GREATER
        var folder = Path.GetDirectoryName(fullPath);
        if (string.IsNullOrEmpty(folder))
        {
            return fullPath;
        }

        var name = Path.GetFileName(fullPath);
        if (string.IsNullOrEmpty(name))
        {
            // A path that ends with a separator names its folder.
            return RealPath(folder, cache, linksFollowed);
        }

        var candidate = Path.Combine(RealPath(folder, cache, linksFollowed), name);
        if (!TryFollowLink(candidate, out var target))
        {
            return fullPath;
        }

        if (target is null)
        {
            return candidate;
        }

        return linksFollowed >= MaxLinksFollowed ? fullPath : RealPath(target.FullName, cache, linksFollowed + 1);
#else
        return fullPath;
#endif
    }

#if NET6_0_OR_GREATER
    /// <summary>
    /// Returns the final target of a link in <paramref name="target"/>, or null when the path is not a link.
    /// Returns false for a link loop or an unreadable link, where the path as written is the best identity left.
    /// </summary>
    private static bool TryFollowLink(string path, out FileSystemInfo? target)
    {
        try
        {
            target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true);
            return true;
        }
        catch (Exception exception) when (ReadFailure.IsReadError(exception))
        {
            target = null;
            return false;
        }
    }

#endif
}
