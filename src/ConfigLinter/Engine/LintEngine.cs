using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Suppressions;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter;

/// <summary>
/// Lints files and folders: finds the candidate files, sorts them by format, runs each format's linter on
/// its files, applies the suppression comments the readers found, and gathers the findings and
/// notifications into one <see cref="LintResult"/>.
/// </summary>
public sealed class LintEngine
{
    private readonly IReadOnlyList<ConfigurationFormat> formats;

    public LintEngine()
        : this(ConfigurationFormats.All)
    {
    }

    /// <param name="formats">The formats to recognise, in priority order; tests pass their own.</param>
    public LintEngine(IReadOnlyList<ConfigurationFormat> formats)
    {
        this.formats = formats ?? throw new ArgumentNullException(nameof(formats));
    }

    /// <summary>
    /// Lints <paramref name="paths"/> (files or folders, absolute or relative to
    /// <paramref name="baseDirectory"/>). A path that is missing or unreadable becomes an error notification,
    /// and the rest still runs. A file named explicitly that no format recognises becomes a note, unless it
    /// is empty.
    /// </summary>
    public LintResult Lint(IReadOnlyList<string> paths, LintOptions options, string baseDirectory)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        return Lint(paths, _ => options, baseDirectory);
    }

    /// <summary>
    /// Lints <paramref name="paths"/> as <see cref="Lint(IReadOnlyList{string}, LintOptions, string)"/> does,
    /// with settings that may differ per file, such as those of <c>.editorconfig</c> sections.
    /// </summary>
    /// <param name="optionsForFile">
    /// Returns the settings of a file handed to a format linter. Files that get the same instance are linted
    /// together, so return one instance per distinct set of settings. A file read through an include uses
    /// the settings of the file that includes it.
    /// </param>
    public LintResult Lint(IReadOnlyList<string> paths, Func<string, LintOptions> optionsForFile, string baseDirectory)
    {
        if (paths is null)
        {
            throw new ArgumentNullException(nameof(paths));
        }

        if (optionsForFile is null)
        {
            throw new ArgumentNullException(nameof(optionsForFile));
        }

        using var realPaths = PathIdentity.CacheForRun();
        var diagnostics = new DiagnosticBag();
        var inputs = InputWalker.Collect(paths, baseDirectory, diagnostics);
        var filesByFormat = formats.ToDictionary(format => format, _ => new List<string>());

        var classified = ClassifyAll(inputs, baseDirectory, optionsForFile);
        for (var i = 0; i < inputs.Count; i++)
        {
            var (format, notification) = classified[i];
            if (notification is not null)
            {
                diagnostics.Notify(notification);
            }

            if (format is not null)
            {
                filesByFormat[format].Add(inputs[i].FullPath);
            }
        }

        return RunFormats(filesByFormat, optionsForFile, diagnostics, baseDirectory);
    }

    /// <summary>
    /// Classifies every input, on as many threads as the first file's settings allow, since reading the
    /// start of ten thousand files is a large share of a run that lints them on several threads. The
    /// results keep the input order, so the notifications come out as one thread would give them.
    /// </summary>
    private (ConfigurationFormat? Format, LintNotification? Notification)[] ClassifyAll(
        IReadOnlyList<InputFile> inputs,
        string baseDirectory,
        Func<string, LintOptions> optionsForFile)
    {
        var results = new (ConfigurationFormat?, LintNotification?)[inputs.Count];
        var threads = inputs.Count > 1 ? Math.Min(optionsForFile(inputs[0].FullPath).MaxDegreeOfParallelism, inputs.Count) : 1;
        if (threads == 1)
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                results[i] = (Classify(inputs[i], baseDirectory, out var notification), notification);
            }

            return results;
        }

        try
        {
            Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            {
                results[i] = (Classify(inputs[i], baseDirectory, out var notification), notification);
            });
        }
        catch (AggregateException exception) when (exception.InnerExceptions.Count > 0)
        {
            // Callers report an exception by its type and message, which the wrapper would hide.
            ExceptionDispatchInfo.Capture(exception.InnerExceptions[0]).Throw();
        }

        return results;
    }

    /// <summary>
    /// Lints configuration files a host already has in memory, such as the additional files of a
    /// compilation. Nothing is read from disk: includes resolve only among <paramref name="available"/>.
    /// Files that no format recognises are skipped without a notification, because a host passes every
    /// file it has and most are not for this linter.
    /// </summary>
    /// <param name="available">Every file an include may name, with absolute paths.</param>
    /// <param name="pathsToLint">The paths of <paramref name="available"/> to lint with <paramref name="options"/>.</param>
    /// <param name="baseDirectory">The folder that output formats make paths relative to.</param>
    public LintResult LintTexts(
        IReadOnlyList<ConfigFileText> available,
        IReadOnlyCollection<string> pathsToLint,
        LintOptions options,
        string baseDirectory)
    {
        if (available is null)
        {
            throw new ArgumentNullException(nameof(available));
        }

        if (pathsToLint is null)
        {
            throw new ArgumentNullException(nameof(pathsToLint));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        using var realPaths = PathIdentity.CacheForRun();
        var diagnostics = new DiagnosticBag();
        var hostedOptions = options.WithFileSystem(new InMemoryFileSystem(available));
        var toLint = new HashSet<string>(pathsToLint, PathComparison.Comparer);
        var filesByFormat = formats.ToDictionary(format => format, _ => new List<string>());
        foreach (var file in available.Where(file => toLint.Contains(file.Path)))
        {
            var prefix = file.Text.Length > TextPrefix.Length ? file.Text.Substring(0, TextPrefix.Length) : file.Text;
            var format = formats.FirstOrDefault(candidate => candidate.Recognizes(file.Path, prefix));
            if (format is not null)
            {
                filesByFormat[format].Add(file.Path);
            }
        }

        return RunFormats(filesByFormat, _ => hostedOptions, diagnostics, baseDirectory);
    }

    /// <summary>Runs each format on its files, applies the suppression comments and gathers the result.</summary>
    private LintResult RunFormats(
        Dictionary<ConfigurationFormat, List<string>> filesByFormat,
        Func<string, LintOptions> optionsForFile,
        DiagnosticBag diagnostics,
        string baseDirectory)
    {
        foreach (var format in formats)
        {
            foreach (var group in filesByFormat[format].GroupBy(optionsForFile))
            {
                RunFormat(format, group.ToList(), group.Key, diagnostics);
            }
        }

        InlineSuppressions.Apply(diagnostics);

        return new LintResult(
            baseDirectory,
            diagnostics.Findings,
            diagnostics.Notifications,
            FilesAnalyzed(formats.SelectMany(format => filesByFormat[format]), diagnostics.FilesRead));
    }

    /// <summary>
    /// Lists the files format linters read, then any other file handed to them, each real path once. The
    /// read paths come first so that a file is named as its findings name it: an nginx site file by the
    /// <c>sites-enabled</c> link its includer reads, not by the target the folder walk reached first.
    /// </summary>
    private static IEnumerable<string> FilesAnalyzed(IEnumerable<string> handed, IEnumerable<string> read)
    {
        var seen = PathIdentity.CreateSet();
        return read.Concat(handed).Where(path => seen.Add(PathIdentity.RealPath(path))).ToList();
    }

    private ConfigurationFormat? Classify(InputFile input, string baseDirectory, out LintNotification? notification)
    {
        var chars = ArrayPool<char>.Shared.Rent(TextPrefix.Length);
        try
        {
            int count;
            try
            {
                count = TextPrefix.ReadInto(input.FullPath, chars);
            }
            catch (Exception exception) when (ReadFailure.IsReadError(exception))
            {
                notification = ReadNotification(input, DisplayPath(input.FullPath, baseDirectory), exception);
                return null;
            }

            return Classify(input, baseDirectory, new ReadOnlySpan<char>(chars, 0, count), out notification);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private ConfigurationFormat? Classify(InputFile input, string baseDirectory, ReadOnlySpan<char> prefix, out LintNotification? notification)
    {
        notification = null;
        if (TextPrefix.IsBinary(prefix))
        {
            if (input.IsExplicit)
            {
                notification = new LintNotification(
                    NotificationCodes.BinaryFile,
                    NotificationLevel.Note,
                    "Skipped '" + DisplayPath(input.FullPath, baseDirectory) + "': not a text file (it contains NUL bytes).",
                    location: null);
            }

            return null;
        }

        // Most files of a large set are decided from the prefix as it is, so the string is created only
        // for a format that needs it, once.
        string? text = null;
        ConfigurationFormat? format = null;
        foreach (var candidate in formats)
        {
            var recognized = candidate.RecognizesFromPrefix(input.FullPath, prefix)
                ?? candidate.Recognizes(input.FullPath, text ??= prefix.ToString());
            if (recognized)
            {
                format = candidate;
                break;
            }
        }

        if (format is null && input.IsExplicit && !UnrecognizedFile.NeedsNote(prefix))
        {
            // Without a note, a file named in a CI script that is empty, or a pipe, would pass as if it were clean.
            notification = new LintNotification(
                NotificationCodes.EmptyFile,
                NotificationLevel.Note,
                "Skipped '" + DisplayPath(input.FullPath, baseDirectory) + "': it has no content to lint (it is empty or blank, or a pipe or device, which netsec does not read).",
                location: null);
        }
        else if (format is null && input.IsExplicit)
        {
            notification = new LintNotification(
                NotificationCodes.UnrecognizedFile,
                NotificationLevel.Note,
                UnrecognizedFile.Message(DisplayPath(input.FullPath, baseDirectory), formats),
                location: null);
        }

        return format;
    }

    /// <summary>
    /// Returns the notification on an input that could not be read. A broken link met in a folder walk gets a
    /// note: it names no file whose format could be known, and a repository may hold one for reasons of its own,
    /// so it does not fail the run. An include that reads it still reports the failure where the include is
    /// written. A broken link named on the command line is an error whose message names the cause.
    /// </summary>
    private static LintNotification ReadNotification(InputFile input, string displayPath, Exception exception)
    {
        if (!SpecialFiles.IsBrokenLink(input.FullPath))
        {
            return ReadFailure.Notification(displayPath, exception);
        }

        const string BrokenLink = "it is a symbolic link to a file that does not exist, or part of a loop of links";
        return input.IsExplicit
            ? new LintNotification(NotificationCodes.ReadError, NotificationLevel.Error, "Cannot read '" + displayPath + "': " + BrokenLink + ". Fix or remove the link.", location: null)
            : new LintNotification(NotificationCodes.BrokenLink, NotificationLevel.Note, "Skipped '" + displayPath + "': " + BrokenLink + ".", location: null);
    }

    private static void RunFormat(ConfigurationFormat format, IReadOnlyList<string> files, LintOptions options, DiagnosticBag diagnostics)
    {
        try
        {
            format.Lint(files, options, diagnostics);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A defect in one reader must not hide the other formats' findings, nor end in a stack trace.
            diagnostics.Notify(new LintNotification(
                NotificationCodes.InternalError,
                NotificationLevel.Error,
                "The " + format.Name + " linter failed: " + exception.GetType().Name + ": " + exception.Message,
                location: null));
        }
    }

    private static string DisplayPath(string fullPath, string baseDirectory) =>
        Output.PathDisplay.Relative(fullPath, Path.GetFullPath(baseDirectory)) ?? fullPath;
}
