using System;
using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Configuration;

/// <summary>
/// Applies <c>dotnet_diagnostic.ID.severity</c> from the <c>.editorconfig</c> sections that match each
/// finding's file, so that the tool reports a rule as the build and the IDE do for C# files.
/// </summary>
public static class EditorConfigSeverities
{
    /// <summary>
    /// Returns <paramref name="result"/> with each finding at its configured severity: <c>error</c>,
    /// <c>warning</c> and <c>suggestion</c> set it, <c>none</c> and <c>silent</c> drop the finding (the build
    /// shows neither), and <c>default</c> or an unknown value keeps the rule's own.
    /// </summary>
    public static LintResult Apply(LintResult result, EditorConfigLookup lookup)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        if (lookup is null)
        {
            throw new ArgumentNullException(nameof(lookup));
        }

        var reported = new List<Finding>();
        foreach (var finding in result.Findings)
        {
            var key = "dotnet_diagnostic." + finding.Rule.Id.ToLowerInvariant() + ".severity";
            if (!lookup.GetProperties(finding.Location.FilePath).TryGetValue(key, out var property))
            {
                reported.Add(finding);
                continue;
            }

            switch (property.Value.ToLowerInvariant())
            {
                case "none":
                case "silent":
                    break;
                case "error":
                    finding.Severity = RuleSeverity.Error;
                    reported.Add(finding);
                    break;
                case "warning":
                    finding.Severity = RuleSeverity.Warning;
                    reported.Add(finding);
                    break;
                case "suggestion":
                    finding.Severity = RuleSeverity.Info;
                    reported.Add(finding);
                    break;
                default:
                    reported.Add(finding);
                    break;
            }
        }

        return reported.Count == result.Findings.Count
            ? result
            : new LintResult(result.BaseDirectory, reported, result.Notifications, result.FilesAnalyzed);
    }
}
