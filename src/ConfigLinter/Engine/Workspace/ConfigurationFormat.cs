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

    public bool Recognizes(string path, string text) => recognizes(path, text);

    public void Lint(IReadOnlyList<string> files, LintOptions options, DiagnosticBag diagnostics) =>
        lint(files, options, diagnostics);
}
