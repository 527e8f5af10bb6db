using System;
using System.Collections.Generic;
using System.IO;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Suppressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace NetSecAnalyzers.ConfigLinter.Compose.Yaml;

/// <summary>
/// Finds the comments of a YAML file with YamlDotNet's scanner, so that a <c>#</c> inside a quoted string
/// or a block scalar is not taken for one.
/// </summary>
internal static class YamlComments
{
    private const string SuppressionMarker = "netsec-disable";

    /// <summary>
    /// Returns the comments that may be suppression comments. Files without the marker text skip the second
    /// scan, which is most files. A scan error ends the list early; the tree reader reports the error.
    /// </summary>
    public static IReadOnlyList<SourceComment> Collect(string filePath, string text)
    {
        var comments = new List<SourceComment>();
        if (text.IndexOf(SuppressionMarker, StringComparison.Ordinal) < 0)
        {
            return comments;
        }

        var lineStarts = LineStarts(text);
        var scanner = new Scanner(new StringReader(text), skipComments: false);
        try
        {
            while (scanner.MoveNext())
            {
                if (scanner.Current is Comment comment)
                {
                    comments.Add(ToSourceComment(filePath, text, lineStarts, comment.Start));
                }
            }
        }
        catch (YamlException)
        {
            // The tree reader reads the same text and reports the error with its position.
        }

        return comments;
    }

    /// <summary>
    /// Builds the comment from the <c>#</c> at or after the scanner's mark (which may sit on the blank
    /// before an end-of-line comment) to the end of the line.
    /// </summary>
    private static SourceComment ToSourceComment(string filePath, string text, List<int> lineStarts, Mark start)
    {
        var line = (int)start.Line;
        var lineStart = lineStarts[Math.Min(line, lineStarts.Count) - 1];
        var end = text.IndexOf('\n', lineStart);
        if (end < 0)
        {
            end = text.Length;
        }

        var markOffset = Math.Min(lineStart + (int)start.Column - 1, end);
        var offset = text.IndexOf('#', markOffset, end - markOffset);
        if (offset < 0)
        {
            offset = markOffset;
        }

        var column = offset - lineStart + 1;

        var commentText = text.Substring(offset + 1, Math.Max(end - offset - 1, 0)).TrimEnd('\r');
        var location = SourceLocation.OnLine(filePath, line, column, commentText.Length + 1);
        return new SourceComment(commentText, location, column + 1);
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }
}
