namespace NetSecAnalyzers.ConfigLinter.Diagnostics;

/// <summary>How a finding compares with a baseline file, as SARIF's <c>result.baselineState</c> names it.</summary>
public enum BaselineState
{
    /// <summary>No baseline was given.</summary>
    None,

    /// <summary>The baseline does not record the finding, so it is reported.</summary>
    New,

    /// <summary>The baseline records the finding, so it is left out of text output and the exit code.</summary>
    Unchanged,
}
