using System;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

/// <summary>
/// One word of an nginx configuration file: a directive name or an argument, with its escapes decoded as
/// nginx decodes them, and the region it covers, quotes included.
/// </summary>
/// <remarks>
/// The token is a value, so directives hold their name and arguments inline. A large set has millions of
/// tokens, and as separate objects they were a large share of what the garbage collector copied. A token
/// keeps its region as numbers and creates a <see cref="SourceLocation"/> each time one is asked for. The
/// default value is no token, and its <see cref="Text"/> is null.
/// </remarks>
public readonly struct NginxToken : IEquatable<NginxToken>
{
    private readonly int endLine;
    private readonly int endColumn;

    internal NginxToken(string text, char quote, string filePath, int line, int column, int endLine, int endColumn)
    {
        if (line < 1 || column < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(line), "Lines and columns are 1-based.");
        }

        Text = text;
        Quote = quote;
        FilePath = filePath ?? throw new ArgumentNullException(nameof(filePath));
        Line = line;
        Column = column;
        this.endLine = endLine;
        this.endColumn = endColumn;
    }

    /// <summary>The value nginx uses: quotes removed, <c>\"</c> <c>\'</c> <c>\\</c> <c>\n</c> <c>\r</c> <c>\t</c> decoded.</summary>
    public string Text { get; }

    /// <summary>The quote character the token was written in, or <c>'\0'</c> for a bare word.</summary>
    public char Quote { get; }

    public bool IsQuoted => Quote != '\0';

    /// <summary>Where the token is written, from its first character (or opening quote) to the end.</summary>
    public SourceLocation Location => new(FilePath, Line, Column, endLine, endColumn);

    public string FilePath { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>The line the token ends on, as <see cref="SourceLocation.EndLine"/> gives it, without creating the location.</summary>
    internal int EndLine => Math.Max(endLine, Line);

    public override string ToString() => IsQuoted ? Quote + Text + Quote : Text;

    public bool Equals(NginxToken other) =>
        string.Equals(Text, other.Text, StringComparison.Ordinal)
        && Quote == other.Quote
        && string.Equals(FilePath, other.FilePath, StringComparison.Ordinal)
        && Line == other.Line
        && Column == other.Column
        && endLine == other.endLine
        && endColumn == other.endColumn;

    public override bool Equals(object? obj) => obj is NginxToken other && Equals(other);

    public override int GetHashCode() => unchecked(((FilePath?.GetHashCode() ?? 0) * 31 + Line) * 31 + Column);

    public static bool operator ==(NginxToken left, NginxToken right) => left.Equals(right);

    public static bool operator !=(NginxToken left, NginxToken right) => !left.Equals(right);
}
