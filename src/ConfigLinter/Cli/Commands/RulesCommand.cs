using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Output;

namespace NetSecAnalyzers.Cli.Commands;

/// <summary><c>netsec rules</c>: the rule catalogue, as an aligned table, as JSON, or as the README's Markdown table.</summary>
internal static class RulesCommand
{
    private static readonly (string Header, string JsonName, RuleTargets Target)[] TargetColumns =
    {
        ("C#", "csharp", RuleTargets.CSharp),
        ("NGINX", "nginx", RuleTargets.Nginx),
        ("FIREWALL", "firewall", RuleTargets.Firewall),
        ("COMPOSE", "compose", RuleTargets.Compose),
    };

    private const string NotATarget = "-";

    public static Command Create(CliContext context)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "Listing format: table (aligned columns), json, or markdown (the rule table of README.md).",
            DefaultValueFactory = _ => "table",
        };
        Choices.AcceptOnly(format, "table", "json", "markdown");

        var command = new Command("rules", "List every rule with its severity, and per kind of source whether its check is implemented or planned.")
        {
            format,
        };

        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(format) == "json")
            {
                WriteJson(context.Output);
            }
            else if (parseResult.GetValue(format) == "markdown")
            {
                context.Output.Write(MarkdownTable());
            }
            else
            {
                WriteTable(context.Output);
            }

            return ExitCodes.Success;
        });

        return command;
    }

    internal static string StatusFor(RuleDefinition rule, RuleTargets target)
    {
        if ((rule.Targets & target) == RuleTargets.None)
        {
            return NotATarget;
        }

        return rule.IsImplementedFor(target) ? "implemented" : "planned";
    }

    /// <summary>
    /// Builds the rule table of README.md, one line per rule with a link to its page. A cell contains
    /// <c>yes</c> when the check exists, <c>planned</c> when the rule targets that kind of source without a
    /// check yet, and nothing when the rule does not target it. A test keeps README.md equal to it.
    /// </summary>
    internal static string MarkdownTable()
    {
        var table = new StringBuilder();
        table.Append("| ID | Title | Severity | C# | nginx | ufw / iptables | compose |\n");
        table.Append("|---|---|---|---|---|---|---|\n");
        foreach (var rule in RuleCatalog.All)
        {
            table.Append("| [").Append(rule.Id).Append("](docs/rules/").Append(rule.Id).Append(".md) | ")
                .Append(rule.Title).Append(" | ")
                .Append(rule.DefaultSeverity.ToString()).Append(" |");
            foreach (var column in TargetColumns)
            {
                var cell = StatusFor(rule, column.Target) switch
                {
                    "implemented" => " yes |",
                    "planned" => " planned |",
                    _ => " |",
                };
                table.Append(cell);
            }

            table.Append('\n');
        }

        return table.ToString();
    }

    private static void WriteTable(TextWriter writer)
    {
        var rows = new List<string[]>
        {
            new[] { "ID", "SEVERITY" }.Concat(TargetColumns.Select(column => column.Header)).Concat(new[] { "TITLE" }).ToArray(),
        };
        foreach (var rule in RuleCatalog.All)
        {
            rows.Add(new[] { rule.Id, LevelNames.Of(rule.DefaultSeverity) }
                .Concat(TargetColumns.Select(column => StatusFor(rule, column.Target)))
                .Concat(new[] { rule.Title })
                .ToArray());
        }

        var widths = Enumerable.Range(0, rows[0].Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (var column = 0; column < row.Length; column++)
            {
                var isLast = column == row.Length - 1;
                line.Append(isLast ? row[column] : row[column].PadRight(widths[column] + 2));
            }

            writer.WriteLine(line.ToString());
        }
    }

    private static void WriteJson(TextWriter writer)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var rule in RuleCatalog.All)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("title", rule.Title);
                json.WriteString("level", LevelNames.Of(rule.DefaultSeverity));
                json.WriteString("cwe", rule.CweId);
                json.WriteString("securitySeverity", rule.SecuritySeverity.ToString("0.0", CultureInfo.InvariantCulture));
                json.WriteStartObject("targets");
                foreach (var (_, jsonName, target) in TargetColumns)
                {
                    var status = StatusFor(rule, target);
                    if (status == NotATarget)
                    {
                        json.WriteNull(jsonName);
                    }
                    else
                    {
                        json.WriteString(jsonName, status);
                    }
                }

                json.WriteEndObject();
                json.WriteString("helpUri", rule.HelpUri);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
