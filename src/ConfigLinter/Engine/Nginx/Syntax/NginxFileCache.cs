using System;
using System.Collections.Concurrent;
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
/// The cache assumes the files do not change during the run. It keeps the text of a file read twice until the
/// run ends. The text of a file read once is not kept, so a site that only its main file includes dies with
/// that file's tree.
/// Several threads may use one cache, each through its own <see cref="ForWorker"/> view. Two threads that
/// miss the same entry at once both compute it, and both get the same value.
/// </remarks>
internal sealed class NginxFileCache
{
    private readonly ConcurrentDictionary<string, ReadOutcome> sources;
    private readonly ConcurrentDictionary<string, string> realPaths;
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> globs;
    private readonly ConcurrentDictionary<string, bool> fileExists;
    private readonly ConcurrentDictionary<string, byte> readOnce;
    private readonly List<string>? dumpedPaths;
    private readonly IConfigFileSystem fileSystem = DiskFileSystem.Instance;

    /// <param name="fileSystem">Where files are opened: the disk, or the editor's texts when the analyzer hosts the engine.</param>
    public NginxFileCache(IConfigFileSystem? fileSystem = null)
    {
        this.fileSystem = fileSystem ?? DiskFileSystem.Instance;
        sources = new ConcurrentDictionary<string, ReadOutcome>(StringComparer.Ordinal);
        realPaths = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        globs = new ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        fileExists = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        readOnce = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
    }

    private NginxFileCache(NginxFileCache shared)
    {
        fileSystem = shared.fileSystem;
        sources = shared.sources;
        realPaths = shared.realPaths;
        globs = shared.globs;
        fileExists = shared.fileExists;
        readOnce = shared.readOnce;
        dumpedPaths = shared.dumpedPaths;
    }

    /// <summary>
    /// Creates a cache that serves the files of an <c>nginx -T</c> dump and nothing from disk, so that
    /// includes resolve among the dumped files by their original paths.
    /// </summary>
    public NginxFileCache(IReadOnlyList<NginxDumpedFile> dumpedFiles)
        : this(fileSystem: null)
    {
        dumpedPaths = new List<string>();
        foreach (var file in dumpedFiles)
        {
            if (!sources.ContainsKey(file.Path))
            {
                dumpedPaths.Add(file.Path);
            }

            sources[file.Path] = new ReadOutcome(NginxSourceText.FromString(file.Path, file.Text), null);
        }
    }

    /// <summary>Whether the files are those of an <c>nginx -T</c> dump, with the absolute paths of the machine it ran on.</summary>
    public bool IsDump => dumpedPaths is not null;

    /// <summary>
    /// The words of the files read through this view, shared between their tokens. Each view has its own
    /// table, because the table is not safe for concurrent use.
    /// </summary>
    public NginxWordTable Words { get; } = new();

    /// <summary>
    /// Returns a view for one more thread: it shares the texts, paths and globs read so far and to come,
    /// with a word table of its own.
    /// </summary>
    public NginxFileCache ForWorker() => new(this);

    public string RealPath(string path)
    {
        if (IsDump)
        {
            return path;
        }

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
            paths = dumpedPaths is null ? NginxGlob.Expand(pattern, fileSystem) : NginxGlob.Match(dumpedPaths, pattern);
            globs[pattern] = paths;
        }

        return paths;
    }

    public bool FileExists(string path)
    {
        if (!fileExists.TryGetValue(path, out var exists))
        {
            exists = IsDump ? sources.ContainsKey(path) : fileSystem.FileExists(path);
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
            if (IsDump)
            {
                error = "2: No such file or directory in the nginx -T output";
                return null;
            }

            try
            {
                outcome = new ReadOutcome(fileSystem.ReadAllBytes(path, (bytes, count) => NginxSourceText.FromBytes(path, bytes, count)), null);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                outcome = new ReadOutcome(null, exception.Message);
            }

            // Most files are read once, and keeping their text to the end of the run made the garbage
            // collector copy it from generation to generation. So a text is kept from its second read on,
            // which a snippet that many servers include reaches at once. Errors are kept from the first.
            if (outcome.Source is null || !readOnce.TryAdd(path, 0))
            {
                sources[path] = outcome;
            }
        }

        error = outcome.Error;
        return outcome.Source;
    }

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
