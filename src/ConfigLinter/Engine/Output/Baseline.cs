using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Output;

/// <summary>
/// The findings a project has accepted for now, recorded so that later runs report only new ones. An entry
/// is a rule ID, a path relative to the run's base folder, and a <see cref="LineFingerprint.ContextHash"/>
/// of the finding's line and region, with the number of identical findings. Line numbers are not part of
/// it, so lines inserted or removed above a finding do not make it new.
/// </summary>
/// <remarks>
/// The file is JSON: <c>{"version": 1, "tool": "netsec", "findings": [{"ruleId", "path", "fingerprint",
/// "count", "message"}]}</c>, entries sorted by path, rule ID and fingerprint so that a rewritten baseline
/// diffs cleanly. <c>message</c> is there for reviewers and is not used for matching.
/// </remarks>
public sealed class Baseline
{
    public const int FormatVersion = 1;

    private readonly IReadOnlyList<BaselineEntry> entries;

    private Baseline(IReadOnlyList<BaselineEntry> entries)
    {
        this.entries = entries;
    }

    public IReadOnlyList<BaselineEntry> Entries => entries;

    /// <summary>Records the findings of <paramref name="result"/> that no comment suppresses.</summary>
    public static Baseline Create(LintResult result)
    {
        var fingerprints = new LineFingerprint();
        var entries = result.Findings
            .Where(finding => !finding.IsSuppressed)
            .Select(finding => (Finding: finding, Key: new BaselineKey(finding.Rule.Id, RelativePath(finding, result.BaseDirectory), fingerprints.ContextHash(finding))))
            .GroupBy(entry => entry.Key)
            .Select(group => new BaselineEntry(group.Key.RuleId, group.Key.Path, group.Key.Fingerprint, group.Count(), group.First().Finding.Message))
            .OrderBy(entry => entry.Path, StringComparer.Ordinal)
            .ThenBy(entry => entry.RuleId, StringComparer.Ordinal)
            .ThenBy(entry => entry.Fingerprint, StringComparer.Ordinal)
            .ToList();
        return new Baseline(entries);
    }

    /// <summary>
    /// Sets <see cref="Finding.BaselineState"/> on every finding of <paramref name="result"/>. Of several
    /// findings with one key, the first ones in file order use up the entry's count and the rest are new.
    /// </summary>
    public void Apply(LintResult result)
    {
        var remaining = entries.ToDictionary(entry => new BaselineKey(entry.RuleId, entry.Path, entry.Fingerprint), entry => entry.Count);
        var fingerprints = new LineFingerprint();
        foreach (var finding in result.Findings)
        {
            var key = new BaselineKey(finding.Rule.Id, RelativePath(finding, result.BaseDirectory), fingerprints.ContextHash(finding));
            if (!finding.IsSuppressed && remaining.TryGetValue(key, out var count) && count > 0)
            {
                remaining[key] = count - 1;
                finding.BaselineState = BaselineState.Unchanged;
            }
            else
            {
                finding.BaselineState = BaselineState.New;
            }
        }
    }

    public void Write(TextWriter writer) =>
        JsonOutput.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("version", FormatVersion);
            json.WriteString("tool", ToolInfo.Name);
            json.WriteStartArray("findings");
            foreach (var entry in entries)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", entry.RuleId);
                json.WriteString("path", entry.Path);
                json.WriteString("fingerprint", entry.Fingerprint);
                json.WriteNumber("count", entry.Count);
                json.WriteString("message", entry.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });

    /// <summary>Parses a baseline file's text. Throws <see cref="BaselineFormatException"/> with the line and column of the problem.</summary>
    public static Baseline Parse(string text) => new(BaselineReader.Read(text));

    /// <summary>Returns SARIF's name for a state that is not <see cref="BaselineState.None"/>, which JSON output uses too.</summary>
    internal static string StateName(BaselineState state) => state == BaselineState.New ? "new" : "unchanged";

    private static string RelativePath(Finding finding, string baseDirectory) =>
        PathDisplay.ForFile(finding.Location.FilePath, baseDirectory);

    private readonly struct BaselineKey : IEquatable<BaselineKey>
    {
        public BaselineKey(string ruleId, string path, string fingerprint)
        {
            RuleId = ruleId;
            Path = path;
            Fingerprint = fingerprint;
        }

        public string RuleId { get; }

        public string Path { get; }

        public string Fingerprint { get; }

        public bool Equals(BaselineKey other) =>
            string.Equals(RuleId, other.RuleId, StringComparison.Ordinal)
            && string.Equals(Path, other.Path, StringComparison.Ordinal)
            && string.Equals(Fingerprint, other.Fingerprint, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is BaselineKey other && Equals(other);

        public override int GetHashCode() =>
            StringComparer.Ordinal.GetHashCode(RuleId) ^ (StringComparer.Ordinal.GetHashCode(Path) * 31) ^ (StringComparer.Ordinal.GetHashCode(Fingerprint) * 17);
    }
}

/// <summary>One recorded kind of finding in a baseline file.</summary>
public sealed class BaselineEntry
{
    public BaselineEntry(string ruleId, string path, string fingerprint, int count, string message)
    {
        RuleId = ruleId;
        Path = path;
        Fingerprint = fingerprint;
        Count = count;
        Message = message;
    }

    public string RuleId { get; }

    /// <summary>The file, relative to the run's base folder with <c>/</c> separators, or absolute outside it.</summary>
    public string Path { get; }

    public string Fingerprint { get; }

    /// <summary>How many findings with this rule, path and fingerprint the baseline accepts.</summary>
    public int Count { get; }

    /// <summary>The first such finding's message, for people reading the file.</summary>
    public string Message { get; }
}

/// <summary>A baseline file that is not valid JSON or not in the baseline format, with the 1-based position of the problem.</summary>
public sealed class BaselineFormatException : Exception
{
    public BaselineFormatException(string message, int line, int column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    /// <summary>The 1-based column, counted in UTF-16 code units.</summary>
    public int Column { get; }
}
