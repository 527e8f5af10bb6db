namespace NetSecAnalyzers.ConfigLinter.Suppressions;

/// <summary>The lines one statement of a configuration file spans, both ends included and 1-based.</summary>
public readonly struct LineRange
{
    public LineRange(int startLine, int endLine)
    {
        StartLine = startLine;
        EndLine = endLine < startLine ? startLine : endLine;
    }

    public int StartLine { get; }

    public int EndLine { get; }

    public bool Contains(int line) => line >= StartLine && line <= EndLine;
}
