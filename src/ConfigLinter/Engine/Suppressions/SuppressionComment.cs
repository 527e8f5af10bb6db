using System.Collections.Generic;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Suppressions;

/// <summary>Where a suppression comment applies.</summary>
internal enum SuppressionScope
{
    /// <summary><c>netsec-disable-next-line</c>: the first statement that starts after the comment's line.</summary>
    NextLine,

    /// <summary><c>netsec-disable-line</c>: the statement on the comment's own line.</summary>
    Line,

    /// <summary><c>netsec-disable-file</c>: the whole file.</summary>
    File,
}

/// <summary>A well-formed suppression comment: its scope, the known rules it names and its reason.</summary>
internal sealed class SuppressionComment
{
    public SuppressionComment(SourceComment comment, SuppressionScope scope, IReadOnlyList<RuleReference> rules, string justification)
    {
        Comment = comment;
        Scope = scope;
        Rules = rules;
        Justification = justification;
    }

    public SourceComment Comment { get; }

    public SuppressionScope Scope { get; }

    /// <summary>The catalogue rules the comment names; unknown IDs are left out.</summary>
    public IReadOnlyList<RuleReference> Rules { get; }

    public string Justification { get; }
}

/// <summary>One rule ID of a suppression comment, with where the ID is written.</summary>
internal sealed class RuleReference
{
    public RuleReference(RuleDefinition rule, SourceLocation location)
    {
        Rule = rule;
        Location = location;
    }

    public RuleDefinition Rule { get; }

    public SourceLocation Location { get; }
}
