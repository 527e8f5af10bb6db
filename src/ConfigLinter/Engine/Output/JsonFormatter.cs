using System.Collections.Generic;
using System.IO;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Output;

/// <summary>
/// netsec's own JSON report, simpler than SARIF for scripts. Its shape is documented in <c>docs/cli.md</c>;
/// <see cref="FormatVersion"/> changes whenever a field is renamed or removed.
/// </summary>
public sealed class JsonFormatter : ILintFormatter
{
    /// <summary>
    /// The shape's version: 2 replaced <c>summary.readErrors</c> with <c>summary.input</c>; 3 lists suppressed
    /// findings in <c>findings</c>, marked by <c>suppressed</c>, so a script that counts that array must skip them.
    /// </summary>
    public const int FormatVersion = 3;

    public void Write(LintResult result, TextWriter writer) =>
        JsonOutput.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("version", FormatVersion);

            json.WriteStartObject("tool");
            json.WriteString("name", ToolInfo.Name);
            json.WriteString("version", ToolInfo.Version);
            json.WriteEndObject();

            json.WriteString("baseDirectory", result.BaseDirectory);

            json.WriteStartObject("summary");
            json.WriteNumber("errors", result.CountFindings(RuleSeverity.Error));
            json.WriteNumber("warnings", result.CountFindings(RuleSeverity.Warning));
            json.WriteNumber("notes", result.CountFindings(RuleSeverity.Info));
            json.WriteNumber("suppressed", result.CountSuppressedFindings());
            json.WriteNumber("inBaseline", result.CountBaselineFindings());
            json.WriteNumber("filesAnalyzed", result.FilesAnalyzed.Count);
            json.WriteStartObject("input");
            json.WriteNumber("errors", result.CountNotifications(NotificationLevel.Error));
            json.WriteNumber("warnings", result.CountNotifications(NotificationLevel.Warning));
            json.WriteNumber("notes", result.CountNotifications(NotificationLevel.Note));
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("filesAnalyzed");
            foreach (var file in result.FilesAnalyzed)
            {
                json.WriteStringValue(PathDisplay.ForFile(file, result.BaseDirectory));
            }

            json.WriteEndArray();

            json.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                WriteFinding(json, finding, result.BaseDirectory);
            }

            json.WriteEndArray();

            json.WriteStartArray("notifications");
            foreach (var notification in result.Notifications)
            {
                json.WriteStartObject();
                json.WriteString("code", notification.Code);
                json.WriteString("level", LevelNames.Of(notification.Level));
                json.WriteString("message", notification.Message);
                if (notification.Location is null)
                {
                    json.WriteNull("location");
                }
                else
                {
                    WriteLocation(json, "location", notification.Location, result.BaseDirectory);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static void WriteFinding(System.Text.Json.Utf8JsonWriter json, Finding finding, string baseDirectory)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Rule.Id);
        json.WriteString("ruleTitle", finding.Rule.Title);
        json.WriteString("level", LevelNames.Of(finding.Severity));
        json.WriteString("message", finding.Message);
        WriteLocation(json, "location", finding.Location, baseDirectory);

        json.WriteStartArray("related");
        foreach (var related in finding.RelatedLocations)
        {
            json.WriteStartObject();
            json.WriteString("message", related.Message);
            WriteLocation(json, "location", related.Location, baseDirectory);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("helpUri", finding.Rule.HelpUri);

        if (finding.Suppression is null)
        {
            json.WriteNull("suppressed");
        }
        else
        {
            json.WriteStartObject("suppressed");
            json.WriteString("kind", finding.Suppression.Kind);
            json.WriteString("justification", finding.Suppression.Justification);
            WriteLocation(json, "location", finding.Suppression.Location, baseDirectory);
            json.WriteEndObject();
        }

        if (finding.BaselineState == BaselineState.None)
        {
            json.WriteNull("baselineState");
        }
        else
        {
            json.WriteString("baselineState", Baseline.StateName(finding.BaselineState));
        }

        json.WriteEndObject();
    }

    private static void WriteLocation(System.Text.Json.Utf8JsonWriter json, string name, SourceLocation location, string baseDirectory)
    {
        json.WriteStartObject(name);
        json.WriteString("path", PathDisplay.ForFile(location.FilePath, baseDirectory));
        json.WriteNumber("startLine", location.StartLine);
        json.WriteNumber("startColumn", location.StartColumn);
        json.WriteNumber("endLine", location.EndLine);
        json.WriteNumber("endColumn", location.EndColumn);
        json.WriteEndObject();
    }
}
