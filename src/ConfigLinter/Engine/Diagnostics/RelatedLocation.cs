namespace NetSecAnalyzers.ConfigLinter.Diagnostics;

/// <summary>A secondary place that explains a finding, such as the <c>include</c> that pulled a file in.</summary>
public sealed class RelatedLocation
{
    public RelatedLocation(SourceLocation location, string message)
    {
        Location = location;
        Message = message;
    }

    public SourceLocation Location { get; }

    public string Message { get; }
}
