using System;

namespace NetSecAnalyzers.ConfigLinter.Diagnostics;

/// <summary>Why a finding is not reported: a suppression comment in the file names its rule.</summary>
public sealed class Suppression
{
    /// <summary>The SARIF suppression kind of a comment in the analyzed file.</summary>
    public const string InSourceKind = "inSource";

    public Suppression(string justification, SourceLocation location)
    {
        Justification = justification ?? throw new ArgumentNullException(nameof(justification));
        Location = location ?? throw new ArgumentNullException(nameof(location));
    }

    /// <summary>The SARIF suppression kind; always <see cref="InSourceKind"/> for now.</summary>
    public string Kind => InSourceKind;

    /// <summary>The reason written after the rule IDs of the comment.</summary>
    public string Justification { get; }

    /// <summary>Where the suppression comment is written.</summary>
    public SourceLocation Location { get; }
}
