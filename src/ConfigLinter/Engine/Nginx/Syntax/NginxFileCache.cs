using System;
using System.Collections.Generic;
using System.IO;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

/// <summary>
/// What the reader learns from the file system during one lint run: decoded file texts, real paths and
/// glob expansions. A snippet that every server includes is then read from disk and decoded once, not once
/// per <c>include</c>, and resolving its real path costs one lookup instead of a query per folder.
/// </summary>
/// <remarks>
/// The cache assumes the files do not change during the run. It keeps every text it has read until the run
/// ends, which costs about twice the input size in memory (UTF-16), far less than the trees built from them.
/// </remarks>
internal sealed class NginxFileCache
{
    private readonly Dictionary<string, ReadOutcome> sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> realPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> globs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> fileExists = new(StringComparer.Ordinal);

    public string RealPath(string path)
    {
        if (!realPaths.TryGetValue(path, out var realPath))
        {
            realPath = PathIdentity.RealPath(path);
            realPaths[path] = realPath;
        }

        return realPath;
    }

    public IReadOnlyList<string> ExpandGlob(string pattern)
    {
        if (!globs.TryGetValue(pattern, out var paths))
        {
            paths = NginxGlob.Expand(pattern);
            globs[pattern] = paths;
        }

        return paths;
    }

    public bool FileExists(string path)
    {
        if (!fileExists.TryGetValue(path, out var exists))
        {
            exists = File.Exists(path);
            fileExists[path] = exists;
        }

        return exists;
    }

    /// <summary>
    /// Returns the decoded text of a file, or null with the message of the exception that reading it raised.
    /// A failed read is remembered too, so every include of a missing file reports the same error.
    /// </summary>
    public NginxSourceText? Read(string path, out string? error)
    {
        if (!sources.TryGetValue(path, out var outcome))
        {
            try
            {
                outcome = new ReadOutcome(NginxSourceText.FromBytes(path, File.ReadAllBytes(path)), null);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                outcome = new ReadOutcome(null, exception.Message);
            }

            sources[path] = outcome;
        }

        error = outcome.Error;
        return outcome.Source;
    }

    /// <summary>Drops the text of a file that no later read will include again, such as a main file already analyzed.</summary>
    public void Forget(string path) => sources.Remove(path);

    private readonly struct ReadOutcome
    {
        public ReadOutcome(NginxSourceText? source, string? error)
        {
            Source = source;
            Error = error;
        }

        public NginxSourceText? Source { get; }

        public string? Error { get; }
    }
}
