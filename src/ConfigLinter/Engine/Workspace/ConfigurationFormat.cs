using System;
using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>
/// One kind of configuration file the engine can lint: how to recognise a file of that kind and how to
/// lint a set of them together.
/// </summary>
public sealed class ConfigurationFormat
{
    private readonly Func<string, string, bool> recognizes;
    private readonly PrefixRecognizer? recognizesFromPrefix;
    private readonly Action<IReadOnlyList<string>, LintOptions, DiagnosticBag> lint;

    /// <param name="name">A short lower-case name such as <c>nginx</c>, used in messages.</param>
    /// <param name="recognizes">Decides from a file's path and the start of its text whether it is of this kind.</param>
    /// <param name="lint">Lints every recognised file of this kind in one call, so that includes can be resolved across them.</param>
    /// <param name="recognitionHint">
    /// How files of this kind are recognized, worded to complete "netsec reads nginx files …" in the note on
    /// a skipped file. Null leaves it out.
    /// </param>
    public ConfigurationFormat(
        string name,
        Func<string, string, bool> recognizes,
        Action<IReadOnlyList<string>, LintOptions, DiagnosticBag> lint,
        string? recognitionHint = null)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        this.recognizes = recognizes ?? throw new ArgumentNullException(nameof(recognizes));
        this.lint = lint ?? throw new ArgumentNullException(nameof(lint));
        RecognitionHint = recognitionHint;
    }

    public string Name { get; }

    /// <summary>How files of this kind are recognized, such as <c>by name (nginx.conf, …) or by content</c>.</summary>
    public string? RecognitionHint { get; }

    /// <param name="recognizesFromPrefix">
    /// Decides what <paramref name="recognizes"/> would decide wherever it can without a string of the text,
    /// and returns null elsewhere. A walk over ten thousand nginx files then creates no string for most of them.
    /// </param>
    internal ConfigurationFormat(
        string name,
        Func<string, string, bool> recognizes,
        PrefixRecognizer recognizesFromPrefix,
        Action<IReadOnlyList<string>, LintOptions, DiagnosticBag> lint,
        string? recognitionHint)
        : this(name, recognizes, lint, recognitionHint)
    {
        this.recognizesFromPrefix = recognizesFromPrefix;
    }

    public bool Recognizes(string path, string text) => recognizes(path, text);

    /// <summary>
    /// Returns what <see cref="Recognizes"/> would return for this text, or null when deciding needs the
    /// text as a string; then the caller creates it and calls <see cref="Recognizes"/>.
    /// </summary>
    internal bool? RecognizesFromPrefix(string path, ReadOnlySpan<char> prefix) => recognizesFromPrefix?.Invoke(path, prefix);

    public void Lint(IReadOnlyList<string> files, LintOptions options, DiagnosticBag diagnostics) =>
        lint(files, options, diagnostics);
}

/// <summary>Decides from a file's path and the start of its text whether it is of a format, or returns null when it cannot tell that way.</summary>
internal delegate bool? PrefixRecognizer(string path, ReadOnlySpan<char> prefix);
