using System;

namespace NetSecAnalyzers.ConfigLinter.Diagnostics;

/// <summary>
/// A region of a file. Lines and columns are 1-based; columns count UTF-16 code units, as SARIF's default
/// column kind does. The end column is exclusive: it names the character after the region.
/// </summary>
public sealed class SourceLocation : IEquatable<SourceLocation>
{
    public SourceLocation(string filePath, int startLine, int startColumn, int endLine, int endColumn)
    {
        if (startLine < 1 || startColumn < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(startLine), "Lines and columns are 1-based.");
        }

        FilePath = filePath ?? throw new ArgumentNullException(nameof(filePath));
        StartLine = startLine;
        StartColumn = startColumn;
        EndLine = Math.Max(endLine, startLine);
        EndColumn = EndLine == startLine ? Math.Max(endColumn, startColumn) : Math.Max(endColumn, 1);
    }

    /// <summary>Creates a location that covers <paramref name="length"/> characters of one line.</summary>
    public static SourceLocation OnLine(string filePath, int line, int column, int length) =>
        new(filePath, line, column, line, column + Math.Max(length, 0));

    /// <summary>The file's path as the linter opened it (absolute, or relative to the working folder).</summary>
    public string FilePath { get; }

    public int StartLine { get; }

    public int StartColumn { get; }

    public int EndLine { get; }

    public int EndColumn { get; }

    public bool Equals(SourceLocation? other) =>
        other is not null
        && string.Equals(FilePath, other.FilePath, StringComparison.Ordinal)
        && StartLine == other.StartLine
        && StartColumn == other.StartColumn
        && EndLine == other.EndLine
        && EndColumn == other.EndColumn;

    public override bool Equals(object? obj) => Equals(obj as SourceLocation);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = StringComparer.Ordinal.GetHashCode(FilePath);
            hash = (hash * 31) + StartLine;
            hash = (hash * 31) + StartColumn;
            hash = (hash * 31) + EndLine;
            return (hash * 31) + EndColumn;
        }
    }

    public override string ToString() => FilePath + ":" + StartLine + ":" + StartColumn;
}
