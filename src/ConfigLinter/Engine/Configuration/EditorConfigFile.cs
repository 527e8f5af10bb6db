using System;
using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Configuration;

/// <summary>
/// One <c>.editorconfig</c> file: its <c>root</c> flag and its sections in file order. Lines that are not
/// comments, section headers or <c>key = value</c> pairs are skipped, as editors skip them.
/// </summary>
public sealed class EditorConfigFile
{
    public const string FileName = ".editorconfig";

    /// <summary>The global config file the compiler finds in a project's folder or its parents.</summary>
    public const string GlobalConfigFileName = ".globalconfig";

    private EditorConfigFile(string path, bool isRoot, IReadOnlyList<EditorConfigSection> sections, EditorConfigSection preamble)
    {
        Path = path;
        IsRoot = isRoot;
        Sections = sections;
        Preamble = preamble;
    }

    public string Path { get; }

    /// <summary>True when the preamble sets <c>root = true</c>, so files in parent folders are not read.</summary>
    public bool IsRoot { get; }

    public IReadOnlyList<EditorConfigSection> Sections { get; }

    /// <summary>The properties before the first section: in a global config file they apply to every file.</summary>
    public EditorConfigSection Preamble { get; }

    /// <summary>True when the preamble sets <c>is_global = true</c>, as a global config file does.</summary>
    public bool IsGlobal =>
        Preamble.Properties.TryGetValue("is_global", out var property) && string.Equals(property.Value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses the text of an <c>.editorconfig</c> file; <paramref name="path"/> is used for locations and relative globs.</summary>
    public static EditorConfigFile Parse(string path, string text)
    {
        var isRoot = false;
        var sections = new List<EditorConfigSection>();
        var preamble = new EditorConfigSection("*");
        var current = preamble;
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed[0] == ';')
            {
                continue;
            }

            if (trimmed[0] == '[' && trimmed[trimmed.Length - 1] == ']')
            {
                current = new EditorConfigSection(trimmed.Substring(1, trimmed.Length - 2));
                sections.Add(current);
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = line.Substring(0, equals).Trim().ToLowerInvariant();
            var rawValue = line.Substring(equals + 1);
            var value = rawValue.Trim();
            var valueColumn = equals + 2 + (rawValue.Length - rawValue.TrimStart().Length);
            if (current == preamble)
            {
                isRoot |= key == "root" && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
            }

            var location = SourceLocation.OnLine(path, index + 1, valueColumn, value.Length);
            current.Properties[key] = new EditorConfigProperty(key, value, location);
        }

        return new EditorConfigFile(path, isRoot, sections, preamble);
    }
}

/// <summary>A <c>[glob]</c> section of an <c>.editorconfig</c> file with its properties, keys in lower case.</summary>
public sealed class EditorConfigSection
{
    public EditorConfigSection(string glob)
    {
        Glob = glob;
        Matcher = EditorConfigGlob.Create(glob);
    }

    public string Glob { get; }

    internal EditorConfigGlob Matcher { get; }

    public Dictionary<string, EditorConfigProperty> Properties { get; } = new(StringComparer.Ordinal);
}

/// <summary>One <c>key = value</c> line, with where its value is written.</summary>
public sealed class EditorConfigProperty
{
    public EditorConfigProperty(string key, string value, SourceLocation location)
    {
        Key = key;
        Value = value;
        Location = location;
    }

    public string Key { get; }

    public string Value { get; }

    public SourceLocation Location { get; }
}
