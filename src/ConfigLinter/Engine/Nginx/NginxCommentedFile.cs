using System;
using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;
using NetSecAnalyzers.ConfigLinter.Suppressions;

namespace NetSecAnalyzers.ConfigLinter.Nginx;

/// <summary>The comments and directive lines of one nginx file, for the engine's inline suppressions.</summary>
internal sealed class NginxCommentedFile : ICommentedFile
{
    private NginxCommentedFile(string filePath, IReadOnlyList<SourceComment> comments, IReadOnlyList<LineRange> statements)
    {
        FilePath = filePath;
        Comments = comments;
        Statements = statements;
    }

    public string FilePath { get; }

    public IReadOnlyList<SourceComment> Comments { get; }

    public IReadOnlyList<LineRange> Statements { get; }

    /// <summary>
    /// Creates one entry for each of <paramref name="files"/>, files of the configuration, each with its
    /// comments that may be suppressions and, when it has one, the lines of the directives written in it.
    /// </summary>
    /// <remarks>
    /// Only comments that start like a suppression are kept, because the engine reads nothing else from them.
    /// The statements are needed only to place such a comment, so most files skip the walk that collects them.
    /// </remarks>
    public static IReadOnlyList<ICommentedFile> From(NginxConfiguration configuration, IReadOnlyList<NginxFile> files)
    {
        var entries = new List<ICommentedFile>(files.Count);
        Dictionary<NginxFile, List<LineRange>>? statementsByFile = null;
        foreach (var file in files)
        {
            List<SourceComment>? comments = null;
            foreach (var comment in file.Comments)
            {
                if (SuppressionCommentParser.MayBeSuppression(comment.Text))
                {
                    (comments ??= new List<SourceComment>()).Add(ToComment(comment));
                }
            }

            if (comments is null)
            {
                entries.Add(new NginxCommentedFile(file.Path, Array.Empty<SourceComment>(), Array.Empty<LineRange>()));
                continue;
            }

            if (statementsByFile is null)
            {
                statementsByFile = new Dictionary<NginxFile, List<LineRange>>();
                AddStatements(configuration.Directives, statementsByFile);
            }

            var statements = statementsByFile.TryGetValue(file, out var list) ? list : new List<LineRange>();
            entries.Add(new NginxCommentedFile(file.Path, comments, statements));
        }

        return entries;
    }

    private static void AddStatements(IReadOnlyList<NginxDirective> level, Dictionary<NginxFile, List<LineRange>> statementsByFile)
    {
        // Directives of one file follow each other, so the list of the previous one is usually the right one.
        NginxFile? lastFile = null;
        List<LineRange>? statements = null;
        for (var i = 0; i < level.Count; i++)
        {
            var directive = level[i];
            if (!ReferenceEquals(directive.File, lastFile))
            {
                lastFile = directive.File;
                if (!statementsByFile.TryGetValue(lastFile, out statements))
                {
                    statements = new List<LineRange>();
                    statementsByFile[lastFile] = statements;
                }
            }

            statements!.Add(Lines(directive));
            if (directive.Children.Count != 0)
            {
                AddStatements(directive.Children, statementsByFile);
            }
        }
    }

    /// <summary>
    /// A directive spans from its name to its last argument. A block directive's body is left out, so a
    /// comment before <c>server {</c> covers the findings on that line and not those of the block's directives.
    /// </summary>
    private static LineRange Lines(NginxDirective directive)
    {
        var endLine = directive.Arguments.Count == 0 ? directive.Line : directive.Arguments[directive.Arguments.Count - 1].EndLine;
        return new LineRange(directive.Line, endLine);
    }

    /// <summary>The lexer's comment token covers the <c>#</c>; its text starts after it.</summary>
    private static SourceComment ToComment(NginxToken token) =>
        new(token.Text, token.Location, token.Column + 1);
}
