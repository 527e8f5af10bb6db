using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Nginx.Rules;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;
using NetSecAnalyzers.ConfigLinter.Suppressions;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Nginx;

/// <summary>Entry point of the nginx side of the linter.</summary>
public static class NginxLinter
{
    private static readonly INginxRule[] Rules =
    {
        new LegacyTlsProtocolRule(),
        new BrokenCipherSuitesRule(),
        new CipherSuitesWithoutForwardSecrecyRule(),
        new UnverifiedCertificateRule(),
        new RevocationCheckDisabledRule(),
        new HttpsNotEnforcedRule(),
        new ClearTextUpstreamRule(),
        new ServerVersionDisclosedRule(),
        new HstsNotEnabledRule(),
        new HstsPolicyTooWeakRule(),
        new SecurityHeadersMissingRule(),
        new NestedAddHeaderDropsHeadersRule(),
        new AuthenticationEndpointWithoutRateLimitingRule(),
    };

    /// <summary>
    /// Returns whether a file is nginx configuration, judged by its path and the start of its text.
    /// </summary>
    public static bool IsNginxConfiguration(string path, string text) => NginxRecognizer.IsNginxConfiguration(path, text);

    /// <summary>
    /// Reads the given nginx files, follows their includes, runs every implemented nginx rule and reports
    /// findings and read problems into <paramref name="diagnostics"/>. A file that another file of the set
    /// includes is analyzed in that context rather than on its own. Files are matched by their real path,
    /// so a site file that a <c>sites-enabled</c> link points to counts as included.
    /// </summary>
    /// <remarks>
    /// Each configuration is analyzed as soon as it is read and only its findings are kept, so one tree per
    /// thread is in memory at a time. Likely main files are read first, and a file that one of them already
    /// read through an include is not read again on its own. A file read on its own that a later file turns
    /// out to include has its findings dropped at the end, so the order changes only the time taken. With
    /// <see cref="LintOptions.MaxDegreeOfParallelism"/> above 1, worker threads read ahead, and the result
    /// is the same as that of one thread (see <see cref="ReadAhead"/>).
    /// </remarks>
    public static void Lint(IReadOnlyList<string> files, LintOptions options, DiagnosticBag diagnostics)
    {
        var fileCache = new NginxFileCache(options.FileSystem);
        var distinct = new List<string>();
        var seen = new HashSet<string>(PathComparison.Comparer);
        foreach (var path in files)
        {
            if (seen.Add(fileCache.RealPath(path)))
            {
                distinct.Add(path);
            }
        }

        var order = ReadingOrder(distinct);
        var readAhead = options.MaxDegreeOfParallelism > 1 && order.Length > 1
            ? ReadAhead(distinct, order, options, fileCache)
            : null;

        var reads = new List<FileRead>();
        var readThroughInclude = new HashSet<string>(PathComparison.Comparer);
        foreach (var index in order)
        {
            var path = distinct[index];
            if (readThroughInclude.Contains(fileCache.RealPath(path)))
            {
                continue;
            }

            var read = readAhead?[index] ?? ReadAndAnalyze(path, index, options, fileCache);
            reads.Add(read);

            // With a cycle a file of the closure may include this one back, and then both stay roots, which
            // only the final comparison of every pair of reads decides.
            if (!read.HasIncludeCycle)
            {
                readThroughInclude.UnionWith(read.IncludedFiles);
            }
        }

        reads.Sort((left, right) => left.InputIndex.CompareTo(right.InputIndex));
        var includers = new IncluderIndex<FileRead>(reads, read => read.FullPath, read => read.IncludedFiles);
        var sink = new DeduplicatingSink(diagnostics);

        // A snippet that every server includes is read once per include. The engine counts each real path
        // once and takes the first comments it receives for a file, so later reads of the same file are not passed on.
        var recorded = new HashSet<string>(PathComparison.Comparer);
        foreach (var read in reads)
        {
            if (includers.IsIncludedByAnother(read))
            {
                continue;
            }

            sink.Add(read.Diagnostics);
            for (var i = 0; i < read.FilesRead.Count; i++)
            {
                if (recorded.Add(fileCache.RealPath(read.FilesRead[i])))
                {
                    diagnostics.RecordFileRead(read.FilesRead[i]);
                    diagnostics.RecordCommentedFile(read.CommentedFiles[i]);
                }
            }

            sink.Add(read.Findings);
        }
    }

    /// <summary>Runs every implemented nginx rule over one configuration that is already read.</summary>
    internal static void Analyze(NginxConfiguration configuration, LintOptions options, DiagnosticBag diagnostics)
    {
        var context = new NginxRuleContext(configuration, options, diagnostics);
        foreach (var rule in Rules)
        {
            rule.Analyze(context);
        }
    }

    /// <summary>
    /// Reads and analyzes main files on several threads, in reading order. Returns each file's result by
    /// input index, or null where a worker skipped the file.
    /// </summary>
    /// <remarks>
    /// The caller then walks the reading order on one thread, as it would without workers, and takes each
    /// result from here, reading on the spot a file that a worker skipped. So the reads it keeps, and with
    /// them the findings and their order, are those of a single thread. A worker skips a file that a
    /// finished read included, as the single thread would. A file whose includer is still being read is read
    /// anyway, and the caller drops that read, which costs time but changes nothing.
    /// </remarks>
    private static FileRead?[] ReadAhead(IReadOnlyList<string> paths, int[] order, LintOptions options, NginxFileCache fileCache)
    {
        var results = new FileRead?[paths.Count];
        var includedSoFar = new HashSet<string>(PathComparison.Comparer);
        var next = -1;
        var workers = Math.Min(options.MaxDegreeOfParallelism, order.Length);

        void Work()
        {
            var workerCache = fileCache.ForWorker();
            int position;
            while ((position = Interlocked.Increment(ref next)) < order.Length)
            {
                var index = order[position];
                var realPath = workerCache.RealPath(paths[index]);
                lock (includedSoFar)
                {
                    if (includedSoFar.Contains(realPath))
                    {
                        continue;
                    }
                }

                var read = ReadAndAnalyze(paths[index], index, options, workerCache);
                results[index] = read;
                if (!read.HasIncludeCycle)
                {
                    lock (includedSoFar)
                    {
                        includedSoFar.UnionWith(read.IncludedFiles);
                    }
                }
            }
        }

        try
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ => Work());
        }
        catch (AggregateException exception) when (exception.InnerExceptions.Count > 0)
        {
            // The engine reports a linter's exception by its type and message, which the wrapper would hide.
            ExceptionDispatchInfo.Capture(exception.InnerExceptions[0]).Throw();
        }

        return results;
    }

    /// <summary>
    /// Returns the indexes of <paramref name="paths"/> in the order to read them: files named
    /// <c>nginx.conf</c> first, then shallower paths before deeper ones, because main files usually sit
    /// above the snippets and sites they include.
    /// </summary>
    private static int[] ReadingOrder(IReadOnlyList<string> paths) =>
        Enumerable.Range(0, paths.Count)
            .OrderBy(index => string.Equals(Path.GetFileName(paths[index]), "nginx.conf", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(index => Depth(paths[index]))
            .ToArray();

    private static int Depth(string path)
    {
        var depth = 0;
        foreach (var character in path)
        {
            if (character == Path.DirectorySeparatorChar || character == Path.AltDirectorySeparatorChar)
            {
                depth++;
            }
        }

        return depth;
    }

    /// <summary>
    /// Reads one file as a main file and analyzes it, keeping what it found and dropping the tree. The
    /// output of <c>nginx -T</c> is read as the files it lists, its first file being the main file.
    /// </summary>
    private static FileRead ReadAndAnalyze(string path, int inputIndex, LintOptions options, NginxFileCache fileCache)
    {
        var diagnostics = new DiagnosticBag();
        var read = new FileRead(fileCache.RealPath(path), inputIndex, diagnostics);
        var mainPath = path;
        var source = fileCache.Read(path, out _);
        if (source is not null && NginxDump.IsDump(source.Text))
        {
            var dumpedFiles = NginxDump.Split(source.Text);
            if (dumpedFiles.Count == 0)
            {
                return read;
            }

            mainPath = dumpedFiles[0].Path;
            fileCache = new NginxFileCache(dumpedFiles);
        }

        // The paths of a dump name files of the machine nginx ran on, not files of this run's input.
        var includesInputFiles = !fileCache.IsDump;

        var configuration = NginxReader.ReadFile(mainPath, diagnostics, context: null, options.NginxPrefix, fileCache);
        if (configuration is null)
        {
            return read;
        }

        // A snippet that every server includes is read once per include, but only its first read is passed on
        // (see Lint), so later reads of the same path are left out here rather than kept until the run ends.
        var firstReads = new List<NginxFile>();
        var pathsSeen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < configuration.Files.Count; i++)
        {
            var file = configuration.Files[i];
            if (!pathsSeen.Add(file.Path))
            {
                continue;
            }

            firstReads.Add(file);
            read.FilesRead.Add(file.Path);
            if (i > 0 && includesInputFiles)
            {
                read.IncludedFiles.Add(fileCache.RealPath(file.Path));
            }
        }

        read.CommentedFiles.AddRange(NginxCommentedFile.From(configuration, firstReads));
        Analyze(configuration, options, read.Findings);
        return read;
    }

    /// <summary>What reading and analyzing one file as a main file produced, without its tree.</summary>
    private sealed class FileRead
    {
        public FileRead(string fullPath, int inputIndex, DiagnosticBag diagnostics)
        {
            FullPath = fullPath;
            InputIndex = inputIndex;
            Diagnostics = diagnostics;
        }

        public string FullPath { get; }

        /// <summary>The file's position in the linter's input, so that results keep the input order.</summary>
        public int InputIndex { get; }

        /// <summary>The read problems.</summary>
        public DiagnosticBag Diagnostics { get; }

        public DiagnosticBag Findings { get; } = new();

        /// <summary>The real paths of the files read through includes.</summary>
        public HashSet<string> IncludedFiles { get; } = new(PathComparison.Comparer);

        /// <summary>Every file read, the main file first, each path as the reader named it.</summary>
        public List<string> FilesRead { get; } = new();

        public List<ICommentedFile> CommentedFiles { get; } = new();

        public bool HasIncludeCycle => Diagnostics.Notifications.Any(notification => notification.Code == NginxNotificationCodes.IncludeCycle);
    }
}
