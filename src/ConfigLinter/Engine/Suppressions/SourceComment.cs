using System;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Suppressions;

/// <summary>One comment of a configuration file, as a reader found it, for the inline suppression check.</summary>
public sealed class SourceComment
{
    /// <param name="text">The comment's text after its marker (the <c>#</c>), to the end of the line.</param>
    /// <param name="location">Where the comment is written, marker included.</param>
    /// <param name="textColumn">The column of the first character of <paramref name="text"/>.</param>
    public SourceComment(string text, SourceLocation location, int textColumn)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Location = location ?? throw new ArgumentNullException(nameof(location));
        TextColumn = textColumn;
    }

    public string Text { get; }

    public SourceLocation Location { get; }

    public int TextColumn { get; }

    public int Line => Location.StartLine;

    /// <summary>Returns the location of <paramref name="length"/> characters of the text from <paramref name="offset"/>.</summary>
    public SourceLocation LocationOfText(int offset, int length) =>
        SourceLocation.OnLine(Location.FilePath, Line, TextColumn + offset, length);
}
