using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Output;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run whose driver lists every rule of
/// the catalogue, findings as results, and read problems as tool execution notifications. A finding that a
/// comment suppresses is a result with an <c>inSource</c> suppression, which viewers that read the
/// property show as suppressed.
/// </summary>
/// <remarks>
/// Paths inside the result's base folder are written relative to the <c>%SRCROOT%</c> base ID, which
/// <c>originalUriBaseIds</c> maps to that folder; code scanning matches them against the repository when
/// the linter runs from the repository's root. Paths outside it are written as absolute <c>file:</c> URIs.
/// </remarks>
public sealed class SarifFormatter : ILintFormatter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public const string SourceRootId = "%SRCROOT%";

    /// <summary>The formats whose checks the linter runs; a rule implemented for none of them is disabled.</summary>
    internal const RuleTargets LinterTargets = RuleTargets.Nginx | RuleTargets.Firewall | RuleTargets.Compose;

    public void Write(LintResult result, TextWriter writer) =>
        JsonOutput.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            WriteRun(json, result);
            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static void WriteRun(Utf8JsonWriter json, LintResult result)
    {
        var ruleIndexes = RuleCatalog.All
            .Select((rule, index) => (rule.Id, index))
            .ToDictionary(entry => entry.Id, entry => entry.index, StringComparer.Ordinal);

        json.WriteStartObject();
        WriteTool(json);
        WriteInvocation(json, result);

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(SourceRootId);
        json.WriteString("uri", PathDisplay.ToFileUri(result.BaseDirectory, isDirectory: true));
        json.WriteEndObject();
        json.WriteEndObject();

        var fingerprints = new LineFingerprint();
        json.WriteStartArray("results");
        foreach (var finding in result.Findings)
        {
            WriteResult(json, finding, ruleIndexes, fingerprints.Next(finding), result.BaseDirectory);
        }

        json.WriteEndArray();
        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteEndObject();
    }

    private static void WriteTool(Utf8JsonWriter json)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("fullName", ToolInfo.FullName);
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", ToolInfo.InformationUri);

        json.WriteStartArray("rules");
        foreach (var rule in RuleCatalog.All)
        {
            WriteRule(json, rule, LinterTargets);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes a catalogue rule as a SARIF reporting descriptor, disabled when its check exists for none of
    /// <paramref name="checkedTargets"/>. <see cref="SarifMerger"/> fills compiler logs with it too.
    /// </summary>
    internal static void WriteRule(Utf8JsonWriter json, RuleDefinition rule, RuleTargets checkedTargets)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", RuleNames.Of(rule));
        WriteMessage(json, "shortDescription", rule.Title);
        WriteMessage(json, "fullDescription", rule.Description);

        json.WriteStartObject("messageStrings");
        WriteMessage(json, "default", AsSentence(rule.MessageFormat));
        json.WriteEndObject();

        json.WriteStartObject("help");
        json.WriteString("text", HelpText(rule));
        json.WriteString("markdown", HelpMarkdown(rule));
        json.WriteEndObject();
        json.WriteString("helpUri", rule.HelpUri);

        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", LevelNames.Of(rule.DefaultSeverity));
        if ((rule.ImplementedTargets & checkedTargets) == RuleTargets.None)
        {
            json.WriteBoolean("enabled", false);
        }

        json.WriteEndObject();

        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        foreach (var tag in rule.Tags)
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        json.WriteString("precision", rule.Precision);
        json.WriteString("security-severity", rule.SecuritySeverity.ToString("0.0", CultureInfo.InvariantCulture));
        json.WriteString("problem.severity", ProblemSeverity(rule.DefaultSeverity));
        json.WriteEndObject();

        json.WriteEndObject();
    }

    /// <remarks>
    /// A notification's descriptor names its code by ID only. Listing the codes as descriptors in
    /// <c>driver.notifications</c> would oblige GitHub's ingestion rules (GH2012) to find a description
    /// and help text for each, which the readers' ad hoc codes do not have.
    /// </remarks>
    private static void WriteInvocation(Utf8JsonWriter json, LintResult result)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", !result.HasErrorNotifications);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var notification in result.Notifications)
        {
            json.WriteStartObject();
            json.WriteString("level", LevelNames.Of(notification.Level));
            WriteMessage(json, "message", AsSentence(notification.Message));
            if (notification.Location is not null)
            {
                json.WriteStartArray("locations");
                WriteLocation(json, notification.Location, result.BaseDirectory, id: null, message: null);
                json.WriteEndArray();
            }

            json.WriteStartObject("descriptor");
            json.WriteString("id", notification.Code);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, IReadOnlyDictionary<string, int> ruleIndexes, string fingerprint, string baseDirectory)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Rule.Id);
        if (ruleIndexes.TryGetValue(finding.Rule.Id, out var ruleIndex))
        {
            json.WriteNumber("ruleIndex", ruleIndex);
        }

        json.WriteString("level", LevelNames.Of(finding.Severity));
        WriteMessage(json, "message", AsSentence(finding.Message));

        json.WriteStartArray("locations");
        WriteLocation(json, finding.Location, baseDirectory, id: null, message: null);
        json.WriteEndArray();

        if (finding.RelatedLocations.Count > 0)
        {
            json.WriteStartArray("relatedLocations");
            for (var i = 0; i < finding.RelatedLocations.Count; i++)
            {
                var related = finding.RelatedLocations[i];
                WriteLocation(json, related.Location, baseDirectory, id: i + 1, related.Message);
            }

            json.WriteEndArray();
        }

        json.WriteStartObject("partialFingerprints");
        json.WriteString("primaryLocationLineHash", fingerprint);
        json.WriteEndObject();

        if (finding.BaselineState != BaselineState.None)
        {
            json.WriteString("baselineState", Baseline.StateName(finding.BaselineState));
        }

        if (finding.Suppression is not null)
        {
            WriteSuppression(json, finding.Suppression, baseDirectory);
        }
        else if (finding.BaselineState == BaselineState.Unchanged)
        {
            // Code scanning does not act on baselineState, but it shows a result with a suppression as
            // suppressed, so a finding the baseline records opens no alert.
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "external");
            json.WriteString("justification", "Recorded in the netsec baseline file.");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteSuppression(Utf8JsonWriter json, Suppression suppression, string baseDirectory)
    {
        json.WriteStartArray("suppressions");
        json.WriteStartObject();
        json.WriteString("kind", suppression.Kind);
        json.WriteString("justification", suppression.Justification);
        json.WritePropertyName("location");
        WriteLocation(json, suppression.Location, baseDirectory, id: null, message: null);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteLocation(Utf8JsonWriter json, SourceLocation location, string baseDirectory, int? id, string? message)
    {
        json.WriteStartObject();
        if (id is not null)
        {
            json.WriteNumber("id", id.Value);
        }

        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        var relative = PathDisplay.Relative(location.FilePath, baseDirectory);
        if (relative is null)
        {
            json.WriteString("uri", PathDisplay.ToFileUri(location.FilePath));
        }
        else
        {
            json.WriteString("uri", PathDisplay.ToRelativeUri(relative));
            json.WriteString("uriBaseId", SourceRootId);
        }

        json.WriteEndObject();

        json.WriteStartObject("region");
        json.WriteNumber("startLine", location.StartLine);
        json.WriteNumber("startColumn", location.StartColumn);
        json.WriteNumber("endLine", location.EndLine);
        json.WriteNumber("endColumn", location.EndColumn);
        json.WriteEndObject();
        json.WriteEndObject();

        if (message is not null)
        {
            WriteMessage(json, "message", AsSentence(message));
        }

        json.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter json, string propertyName, string text)
    {
        json.WriteStartObject(propertyName);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static string HelpText(RuleDefinition rule) =>
        rule.Title + "\n\n" + rule.Description + "\n\n" + rule.CweId + ". Documentation: " + rule.HelpUri;

    private static string HelpMarkdown(RuleDefinition rule) =>
        "**" + rule.Title + "**\n\n" + rule.Description + "\n\n"
        + "[" + rule.CweId + "](https://cwe.mitre.org/data/definitions/" + rule.Cwe.ToString(CultureInfo.InvariantCulture) + ".html)"
        + " · [Rule documentation](" + rule.HelpUri + ")";

    /// <summary>GitHub's non-security severity scale, which code scanning shows when security-severity is absent.</summary>
    private static string ProblemSeverity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "recommendation",
    };

    /// <summary>
    /// Ends a plain-text message with a period. Microsoft's SARIF validator warns about messages that are not
    /// complete sentences (rule SARIF2001), while the catalogue's messages follow the compiler convention of none.
    /// </summary>
    internal static string AsSentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed.EndsWith(".", StringComparison.Ordinal) || trimmed.EndsWith("?", StringComparison.Ordinal) || trimmed.EndsWith("!", StringComparison.Ordinal)
            ? trimmed
            : trimmed + ".";
    }
}
