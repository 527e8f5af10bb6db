using System;
using System.Collections.Generic;
using System.Globalization;

namespace NetSecAnalyzers.Catalog;

/// <summary>
/// One weakness with one ID, whichever kind of source it is found in. Titles have no trailing period;
/// message formats take composite-format arguments (<c>{0}</c>, <c>{1}</c>) that name the offending value.
/// </summary>
public sealed class RuleDefinition
{
    internal RuleDefinition(
        string id,
        string title,
        string messageFormat,
        string description,
        RuleSeverity defaultSeverity,
        int cwe,
        double securitySeverity,
        string precision,
        RuleTargets targets,
        RuleTargets implementedTargets,
        IReadOnlyList<string> tags)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Description = description;
        DefaultSeverity = defaultSeverity;
        Cwe = cwe;
        SecuritySeverity = securitySeverity;
        Precision = precision;
        Targets = targets;
        ImplementedTargets = implementedTargets;
        Tags = tags;
    }

    public string Id { get; }

    public string Title { get; }

    public string MessageFormat { get; }

    public string Description { get; }

    /// <summary>Roslyn diagnostic category; every rule of this product is a security rule.</summary>
    public string Category => RuleCatalog.Category;

    public RuleSeverity DefaultSeverity { get; }

    /// <summary>The CWE number, without the <c>CWE-</c> prefix.</summary>
    public int Cwe { get; }

    /// <summary>GitHub code scanning's <c>security-severity</c> score, from 0.0 to 10.0.</summary>
    public double SecuritySeverity { get; }

    /// <summary>SARIF <c>precision</c>: <c>very-high</c>, <c>high</c>, <c>medium</c> or <c>low</c>.</summary>
    public string Precision { get; }

    /// <summary>The kinds of source the rule is specified for.</summary>
    public RuleTargets Targets { get; }

    /// <summary>The kinds of source whose checks exist; the rule is disabled everywhere else.</summary>
    public RuleTargets ImplementedTargets { get; }

    public RuleStatus Status => ImplementedTargets == RuleTargets.None ? RuleStatus.Planned : RuleStatus.Implemented;

    public IReadOnlyList<string> Tags { get; }

    public string CweId => "CWE-" + Cwe.ToString(CultureInfo.InvariantCulture);

    public string HelpUri => RuleCatalog.DocumentationBaseUri + Id + ".md";

    public bool IsImplementedFor(RuleTargets target) => (ImplementedTargets & target) == target && target != RuleTargets.None;

    /// <summary>Formats the message with the given arguments, as Roslyn formats a diagnostic message.</summary>
    public string FormatMessage(params object[] arguments)
    {
        if (arguments is null)
        {
            throw new ArgumentNullException(nameof(arguments));
        }

        return string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);
    }

    public override string ToString() => Id + ": " + Title;
}
