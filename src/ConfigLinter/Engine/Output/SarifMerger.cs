using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Output;

/// <summary>
/// Merges SARIF 2.1.0 logs, such as the compiler's (<c>-p:ErrorLog=FILE%2Cversion=2.1</c>) and netsec's,
/// into one log that GitHub code scanning accepts in a single upload. Every run of every input is kept as
/// its own run and gets:
/// <list type="bullet">
/// <item>paths under the base folder made relative to <c>%SRCROOT%</c>, which <c>originalUriBaseIds</c> maps to it;</item>
/// <item>the catalogue's metadata for NETSEC rules (help text, <c>helpUri</c>, <c>security-severity</c>, tags),
/// which the compiler's log lacks;</item>
/// <item><c>partialFingerprints.primaryLocationLineHash</c> where a result has none, computed as netsec's own
/// SARIF output computes it;</item>
/// <item>an <c>automationDetails.id</c> unique in the merged log, because code scanning rejects two runs of
/// one tool with the same category.</item>
/// </list>
/// Results the compiler marked suppressed keep their <c>suppressions</c>.
/// </summary>
public sealed class SarifMerger
{
    private readonly string baseDirectory;
    private readonly List<JsonObject> runs = new();
    private readonly HashSet<string> categories = new(StringComparer.Ordinal);

    /// <param name="baseDirectory">The absolute folder that paths are made relative to, usually the repository root.</param>
    public SarifMerger(string baseDirectory)
    {
        this.baseDirectory = Path.GetFullPath(baseDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
    }

    public int RunCount => runs.Count;

    /// <summary>
    /// Adds the runs of one log. <paramref name="category"/> names the runs that have no
    /// <c>automationDetails.id</c>, such as the project name. Throws <see cref="SarifInputException"/> when the
    /// text is not JSON or not a SARIF 2.1.0 log.
    /// </summary>
    public void Add(string text, string category)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text.TrimStart('\uFEFF'), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? 0) + 1;
            var column = (int)(exception.BytePositionInLine ?? 0) + 1;
            throw new SarifInputException("not valid JSON: " + JsonOutput.ReaderMessage(exception), line, column);
        }

        if (root is not JsonObject log || log["runs"] is not JsonArray inputRuns)
        {
            throw new SarifInputException("not a SARIF log: the top level has no 'runs' array.");
        }

        var version = log["version"]?.GetValueKind() == JsonValueKind.String ? log["version"]!.GetValue<string>() : null;
        if (version != "2.1.0")
        {
            throw new SarifInputException(
                "SARIF version '" + (version ?? "none") + "' is not supported; only 2.1.0 is. Build with -p:ErrorLog=FILE%2Cversion=2.1 (the %2C is an escaped comma).");
        }

        foreach (var node in inputRuns.ToList())
        {
            if (node is not JsonObject run)
            {
                throw new SarifInputException("not a SARIF log: an entry of 'runs' is not an object.");
            }

            inputRuns.Remove(run);
            PrepareRun(run, category);
            runs.Add(run);
        }
    }

    public void Write(TextWriter writer)
    {
        DropLinterDuplicates();
        JsonOutput.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", SarifFormatter.SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            foreach (var run in runs)
            {
                run.WriteTo(json);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// Drops the results of netsec's own runs that a compiler run also reports: the analyzer package lints
    /// the config files of a project during the build, so a workflow that also runs <c>netsec lint</c> over
    /// them would otherwise open every config-file alert twice. The build's copy stays, with its suppressions.
    /// </summary>
    private void DropLinterDuplicates()
    {
        var reportedByBuild = new HashSet<string>(
            runs.Where(run => !IsLinterRun(run)).SelectMany(run => Results(run)).Select(ResultKey).OfType<string>(),
            StringComparer.Ordinal);
        if (reportedByBuild.Count == 0)
        {
            return;
        }

        foreach (var run in runs.Where(IsLinterRun))
        {
            if (run["results"] is JsonArray results)
            {
                foreach (var duplicate in results.OfType<JsonObject>().Where(result => ResultKey(result) is { } key && reportedByBuild.Contains(key)).ToList())
                {
                    results.Remove(duplicate);
                }
            }
        }
    }

    private static bool IsLinterRun(JsonObject run) => StringValue(run["tool"]?["driver"]?["name"]) == ToolInfo.Name;

    private static IEnumerable<JsonObject> Results(JsonObject run) => (run["results"] as JsonArray ?? new JsonArray()).OfType<JsonObject>();

    /// <summary>The rule and the start of the first location, or null for a result without a file location.</summary>
    private static string? ResultKey(JsonObject result)
    {
        var physical = (result["locations"] as JsonArray)?.FirstOrDefault()?["physicalLocation"];
        var uri = StringValue(physical?["artifactLocation"]?["uri"]);
        if (StringValue(result["ruleId"]) is not { } ruleId || uri is null)
        {
            return null;
        }

        var region = physical?["region"];
        return ruleId + "|" + StringValue(physical?["artifactLocation"]?["uriBaseId"]) + "|" + uri + "|" + region?["startLine"]?.ToJsonString() + "|" + region?["startColumn"]?.ToJsonString();
    }

    private void PrepareRun(JsonObject run, string category)
    {
        var results = run["results"] as JsonArray ?? new JsonArray();
        var rules = DriverRules(run);

        // Rules in netsec's own runs are checked in configuration files, and in any other run in the compiler's.
        var checkedTargets = StringValue(run["tool"]?["driver"]?["name"]) == ToolInfo.Name ? SarifFormatter.LinterTargets : RuleTargets.CSharp;

        // A log written elsewhere, such as netsec's own, has paths relative to its own source root. They are
        // made absolute first, so that they can be made relative to this merge's root.
        var inputBaseIds = run["originalUriBaseIds"] as JsonObject;
        foreach (var artifactLocation in ArtifactLocations(run))
        {
            ResolveBaseId(artifactLocation, inputBaseIds);
        }

        // Fingerprints read the files, so they are computed while the paths are still absolute.
        var fingerprints = new LineFingerprint();
        foreach (var result in results.OfType<JsonObject>())
        {
            AddFingerprint(result, fingerprints);
            AddCatalogueRule(result, rules, checkedTargets);
        }

        FillCatalogueMetadata(rules, checkedTargets);
        foreach (var artifactLocation in ArtifactLocations(run))
        {
            MakeRelative(artifactLocation);
        }

        var baseIds = run["originalUriBaseIds"] as JsonObject ?? new JsonObject();
        baseIds[SarifFormatter.SourceRootId] = new JsonObject { ["uri"] = PathDisplay.ToFileUri(baseDirectory, isDirectory: true) };
        run["originalUriBaseIds"] = baseIds;

        var automation = run["automationDetails"] as JsonObject ?? new JsonObject();
        var id = automation["id"]?.GetValueKind() == JsonValueKind.String ? automation["id"]!.GetValue<string>() : category + "/";
        automation["id"] = UniqueCategory(id);
        run["automationDetails"] = automation;
    }

    private static JsonArray DriverRules(JsonObject run)
    {
        var tool = run["tool"] as JsonObject ?? throw new SarifInputException("not a SARIF log: a run has no 'tool'.");
        var driver = tool["driver"] as JsonObject ?? throw new SarifInputException("not a SARIF log: a run's tool has no 'driver'.");
        if (driver["rules"] is not JsonArray rules)
        {
            rules = new JsonArray();
            driver["rules"] = rules;
        }

        return rules;
    }

    private static void AddFingerprint(JsonObject result, LineFingerprint fingerprints)
    {
        var partial = result["partialFingerprints"] as JsonObject ?? new JsonObject();
        if (partial["primaryLocationLineHash"] is null)
        {
            var ruleId = StringValue(result["ruleId"]) ?? string.Empty;
            var physical = (result["locations"] as JsonArray)?.FirstOrDefault()?["physicalLocation"];
            var path = FilePath(StringValue(physical?["artifactLocation"]?["uri"]));
            var line = physical?["region"]?["startLine"]?.GetValueKind() == JsonValueKind.Number ? physical["region"]!["startLine"]!.GetValue<int>() : 1;
            var message = StringValue(result["message"]?["text"]) ?? string.Empty;
            partial["primaryLocationLineHash"] = fingerprints.Next(ruleId, path ?? string.Empty, Math.Max(line, 1), message);
        }

        result["partialFingerprints"] = partial;
    }

    /// <summary>Adds a reporting descriptor for a NETSEC result whose rule the run does not list, and points the result at it.</summary>
    private static void AddCatalogueRule(JsonObject result, JsonArray rules, RuleTargets checkedTargets)
    {
        if (StringValue(result["ruleId"]) is not { } ruleId || !RuleCatalog.TryGet(ruleId, out var rule))
        {
            return;
        }

        var index = rules.Select((node, position) => (Id: StringValue(node?["id"]), Position: position)).FirstOrDefault(entry => entry.Id == rule.Id);
        if (index.Id is null)
        {
            rules.Add(CatalogueRule(rule, checkedTargets));
            result["ruleIndex"] = rules.Count - 1;
        }
        else
        {
            result["ruleIndex"] = index.Position;
        }
    }

    /// <summary>
    /// Replaces every NETSEC reporting descriptor with the catalogue's, keeping its position so rule indexes
    /// stay valid, and completes the others with what GitHub code scanning requires of every rule.
    /// </summary>
    private static void FillCatalogueMetadata(JsonArray rules, RuleTargets checkedTargets)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (StringValue(rules[i]?["id"]) is { } id && RuleCatalog.TryGet(id, out var rule))
            {
                rules[i] = CatalogueRule(rule, checkedTargets);
            }
            else if (rules[i] is JsonObject other)
            {
                CompleteDescriptions(other);
            }
        }
    }

    /// <summary>
    /// GitHub rejects a rule without <c>fullDescription</c> or <c>help</c>, and the compiler writes neither for
    /// most of its diagnostics; they are built from the descriptions and help link the rule does have.
    /// </summary>
    private static void CompleteDescriptions(JsonObject rule)
    {
        var shortText = StringValue(rule["shortDescription"]?["text"]);
        var fullText = StringValue(rule["fullDescription"]?["text"]);
        var summary = fullText ?? shortText ?? StringValue(rule["name"]) ?? StringValue(rule["id"]) ?? "Compiler diagnostic";
        if (fullText is null)
        {
            rule["fullDescription"] = new JsonObject { ["text"] = summary };
        }

        if (rule["help"] is not JsonObject)
        {
            var helpUri = StringValue(rule["helpUri"]);
            rule["help"] = new JsonObject { ["text"] = helpUri is null ? summary : summary + " See " + helpUri + "." };
        }
    }

    private static JsonNode CatalogueRule(RuleDefinition rule, RuleTargets checkedTargets)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            SarifFormatter.WriteRule(json, rule, checkedTargets);
        }

        return JsonNode.Parse(buffer.ToArray())!;
    }

    /// <summary>Every <c>artifactLocation</c> in the run's results and the <c>location</c> of each entry of <c>artifacts</c>.</summary>
    private static IEnumerable<JsonObject> ArtifactLocations(JsonObject run)
    {
        var found = new List<JsonObject>();
        Collect(run["results"], found);
        foreach (var artifact in (run["artifacts"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
        {
            if (artifact["location"] is JsonObject location)
            {
                found.Add(location);
            }
        }

        return found;
    }

    private static void Collect(JsonNode? node, List<JsonObject> found)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Collect(item, found);
            }
        }
        else if (node is JsonObject obj)
        {
            foreach (var property in obj)
            {
                if (property.Key == "artifactLocation" && property.Value is JsonObject location)
                {
                    found.Add(location);
                }
                else
                {
                    Collect(property.Value, found);
                }
            }
        }
    }

    /// <summary>
    /// Replaces a URI relative to one of the input's base IDs with the absolute <c>file:</c> URI it stands
    /// for. A base ID the input does not define as an absolute file URI is left alone.
    /// </summary>
    private static void ResolveBaseId(JsonObject artifactLocation, JsonObject? inputBaseIds)
    {
        if (StringValue(artifactLocation["uriBaseId"]) is not { } baseId
            || StringValue(inputBaseIds?[baseId]?["uri"]) is not { } baseUri
            || !Uri.TryCreate(baseUri, UriKind.Absolute, out var root)
            || !root.IsFile
            || StringValue(artifactLocation["uri"]) is not { } relative
            || !Uri.TryCreate(root, relative, out var resolved))
        {
            return;
        }

        artifactLocation["uri"] = resolved.AbsoluteUri;
        artifactLocation.Remove("uriBaseId");
    }

    private void MakeRelative(JsonObject artifactLocation)
    {
        if (artifactLocation["uriBaseId"] is not null || FilePath(StringValue(artifactLocation["uri"])) is not { } path)
        {
            return;
        }

        if (PathDisplay.Relative(path, baseDirectory) is { } relative)
        {
            artifactLocation["uri"] = PathDisplay.ToRelativeUri(relative);
            artifactLocation["uriBaseId"] = SarifFormatter.SourceRootId;
        }
    }

    private string UniqueCategory(string id)
    {
        var candidate = id;
        for (var suffix = 2; !categories.Add(candidate); suffix++)
        {
            // The category is the part of the ID up to its last '/', so the suffix goes before that slash.
            var slash = id.LastIndexOf('/');
            candidate = slash < 0
                ? id + "-" + suffix
                : id.Substring(0, slash) + "-" + suffix + id.Substring(slash);
        }

        return candidate;
    }

    /// <summary>Returns the local path of an absolute <c>file:</c> URI, or null for any other URI.</summary>
    private static string? FilePath(string? uri) =>
        uri is not null && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : null;

    private static string? StringValue(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}

/// <summary>An input log that is not JSON or not SARIF 2.1.0, with the 1-based position when the JSON reader reports one.</summary>
public sealed class SarifInputException : Exception
{
    public SarifInputException(string message, int? line = null, int? column = null)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public int? Line { get; }

    public int? Column { get; }
}
