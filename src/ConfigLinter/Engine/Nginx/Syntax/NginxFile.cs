using System;
using System.Collections.Generic;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

/// <summary>One file as read at one place: the main file, or a file read by an <c>include</c>.</summary>
public sealed class NginxFile
{
    private readonly List<NginxDirective> directives = new();

    internal NginxFile(string path, IReadOnlyList<NginxDirective> includeChain)
    {
        Path = path;
        IncludeChain = includeChain;
    }

    public string Path { get; }

    /// <summary>
    /// The <c>include</c> directives that pulled this file in, outermost first; empty for the main file.
    /// The same file included from two places is read twice, with two chains.
    /// </summary>
    public IReadOnlyList<NginxDirective> IncludeChain { get; }

    /// <summary>The top-level directives of this file, with its own includes expanded.</summary>
    public IReadOnlyList<NginxDirective> Directives => directives;

    public bool IsIncluded => IncludeChain.Count > 0;

    /// <summary>
    /// The file's <c>#</c> comments in order, each with the text after the <c>#</c>, for readers of
    /// inline suppressions. A <c>#</c> inside a word is not a comment, as in nginx.
    /// </summary>
    public IReadOnlyList<NginxToken> Comments { get; internal set; } = Array.Empty<NginxToken>();

    internal void AddDirective(NginxDirective directive) => directives.Add(directive);

    public override string ToString() => Path;
}
