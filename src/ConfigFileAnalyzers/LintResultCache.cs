using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigFiles;

/// <summary>
/// Keeps the findings of recent lint runs by the texts and settings they were computed from. The IDE
/// runs the compilation action again after every C# edit, and the config files rarely change between
/// those runs, so the engine is not run again for inputs it has already linted.
/// </summary>
internal static class LintResultCache
{
    /// <summary>The number of kept runs, an estimate of a large solution's projects. The cache is emptied when it grows past it.</summary>
    private const int MaximumEntries = 64;

    private static readonly ConcurrentDictionary<string, IReadOnlyList<Finding>> Entries = new(StringComparer.Ordinal);

    /// <summary>Builds a key from each file's path, content checksum and settings key, in the order given.</summary>
    public static string KeyFor(IEnumerable<(string Path, SourceText Text, string SettingsKey)> files)
    {
        var key = new StringBuilder();
        foreach (var (path, text, settingsKey) in files)
        {
            key.Append(path).Append('\0');
            foreach (var part in text.GetChecksum())
            {
                key.Append(part.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            key.Append('\0').Append(settingsKey).Append('\n');
        }

        return key.ToString();
    }

    /// <summary>Returns the findings for <paramref name="key"/>, and runs <paramref name="lint"/> and keeps its findings when the key is new.</summary>
    public static IReadOnlyList<Finding> GetOrAdd(string key, Func<IReadOnlyList<Finding>> lint)
    {
        if (Entries.TryGetValue(key, out var findings))
        {
            return findings;
        }

        findings = lint();
        if (Entries.Count >= MaximumEntries)
        {
            Entries.Clear();
        }

        Entries[key] = findings;
        return findings;
    }
}
