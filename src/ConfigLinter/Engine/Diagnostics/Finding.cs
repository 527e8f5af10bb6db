using System;
using System.Collections.Generic;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Diagnostics;

/// <summary>One violation of a catalogue rule at one place in a configuration file.</summary>
public sealed class Finding
{
    private static readonly IReadOnlyList<RelatedLocation> NoRelatedLocations = Array.Empty<RelatedLocation>();

    public Finding(RuleDefinition rule, string message, SourceLocation location, IReadOnlyList<RelatedLocation>? relatedLocations = null)
    {
        Rule = rule ?? throw new ArgumentNullException(nameof(rule));
        Message = message ?? throw new ArgumentNullException(nameof(message));
        Location = location ?? throw new ArgumentNullException(nameof(location));
        RelatedLocations = relatedLocations ?? NoRelatedLocations;
        Severity = rule.DefaultSeverity;
    }

    public RuleDefinition Rule { get; }

    /// <summary>The formatted message, naming the offending value.</summary>
    public string Message { get; }

    public SourceLocation Location { get; }

    public IReadOnlyList<RelatedLocation> RelatedLocations { get; }

    /// <summary>The severity this finding is reported at; the rule's default unless configuration changes it.</summary>
    public RuleSeverity Severity { get; set; }

    /// <summary>The suppression comment that covers this finding, or null when the finding is reported.</summary>
    public Suppression? Suppression { get; set; }

    public bool IsSuppressed => Suppression is not null;

    /// <summary>Whether a baseline file records this finding; <see cref="BaselineState.None"/> without a baseline.</summary>
    public BaselineState BaselineState { get; set; }

    /// <summary>True when the finding counts: no comment suppresses it and no baseline records it.</summary>
    public bool IsReported => !IsSuppressed && BaselineState != BaselineState.Unchanged;

    public override string ToString() => Location + ": " + Rule.Id + ": " + Message;
}
