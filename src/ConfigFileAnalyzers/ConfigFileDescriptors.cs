using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigFiles;

/// <summary>
/// The descriptors of every rule that applies to a config file, built from the catalogue with the same
/// title, message format, category, severity, help link and tags as the C# rules' descriptors.
/// </summary>
internal static class ConfigFileDescriptors
{
    private const RuleTargets ConfigTargets = RuleTargets.Nginx | RuleTargets.Firewall | RuleTargets.Compose;

    private static readonly Dictionary<string, Pair> ById = RuleCatalog.All
        .Where(rule => (rule.Targets & ConfigTargets) != 0)
        .ToDictionary(rule => rule.Id, rule => new Pair(Create(rule, rule.MessageFormat), Create(rule, "{0}")));

    public static ImmutableArray<DiagnosticDescriptor> Supported { get; } =
        ById.Values.Select(pair => pair.Supported).ToImmutableArray();

    /// <summary>
    /// Returns the descriptor to report a finding with: the supported one with a message format of
    /// <c>{0}</c>, because the engine hands over messages already formatted.
    /// </summary>
    public static DiagnosticDescriptor? ForReporting(string ruleId) =>
        ById.TryGetValue(ruleId, out var pair) ? pair.Reporting : null;

    private static DiagnosticDescriptor Create(RuleDefinition rule, string messageFormat) =>
        new(
            rule.Id,
            rule.Title,
            messageFormat,
            rule.Category,
            ToDiagnosticSeverity(rule.DefaultSeverity),
            isEnabledByDefault: rule.Status == RuleStatus.Implemented,
            description: rule.Description,
            helpLinkUri: rule.HelpUri,
            customTags: CustomTags(rule));

    private static DiagnosticSeverity ToDiagnosticSeverity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => DiagnosticSeverity.Error,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    private static string[] CustomTags(RuleDefinition rule) =>
        rule.Tags
            .Concat(new[]
            {
                // The CWE ID rides along so that the compiler's SARIF log carries it, as the C# rules do.
                rule.CweId,

                // Reported from a compilation action, so the IDE shows these after a build or with full
                // solution analysis, not while a single C# file is open.
                WellKnownDiagnosticTags.CompilationEnd,
            })
            .ToArray();

    private sealed class Pair
    {
        public Pair(DiagnosticDescriptor supported, DiagnosticDescriptor reporting)
        {
            Supported = supported;
            Reporting = reporting;
        }

        public DiagnosticDescriptor Supported { get; }

        public DiagnosticDescriptor Reporting { get; }
    }
}
