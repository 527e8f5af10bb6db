using System;
using System.Collections.Generic;
using System.IO;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Configuration;

/// <summary>
/// Finds the <c>.editorconfig</c> properties that apply to a file, as editors and the compiler do: the
/// files in the file's folder and its parents up to the first with <c>root = true</c>, the nearer file
/// winning, and within a file the later matching section winning. Below them come the properties of the
/// <c>.globalconfig</c> files (with <c>is_global = true</c>) in the file's folder and all its parents,
/// which the compiler applies to every file of a project. Each file is read once.
/// </summary>
/// <remarks>
/// NOTE: global config files are found only by their default name, not those a project adds through
/// MSBuild, and when two set the same key the nearer one wins rather than the one with the higher
/// <c>global_level</c>.
/// </remarks>
public sealed class EditorConfigLookup
{
    private static readonly IReadOnlyDictionary<string, EditorConfigProperty> NoProperties = new Dictionary<string, EditorConfigProperty>();

    private readonly Dictionary<string, EditorConfigFile?> filesByPath = new(PathComparison.Comparer);
    private readonly Dictionary<string, IReadOnlyDictionary<string, EditorConfigProperty>> propertiesByPath = new(PathComparison.Comparer);
    private readonly List<LintNotification> notifications = new();

    /// <summary>Problems reading <c>.editorconfig</c> files, such as a file that exists but cannot be opened.</summary>
    public IReadOnlyList<LintNotification> Notifications => notifications;

    /// <summary>Returns the properties, keys in lower case, that apply to <paramref name="filePath"/>.</summary>
    public IReadOnlyDictionary<string, EditorConfigProperty> GetProperties(string filePath)
    {
        var fullPath = Path.GetFullPath(filePath);
        if (propertiesByPath.TryGetValue(fullPath, out var cached))
        {
            return cached;
        }

        var chain = new List<EditorConfigFile>();
        var globalConfigs = new List<EditorConfigFile>();
        var rootReached = false;
        for (var folder = Path.GetDirectoryName(fullPath); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (Read(Path.Combine(folder, EditorConfigFile.GlobalConfigFileName)) is { IsGlobal: true } globalConfig)
            {
                globalConfigs.Add(globalConfig);
            }

            if (rootReached || Read(Path.Combine(folder, EditorConfigFile.FileName)) is not { } file)
            {
                continue;
            }

            chain.Add(file);
            rootReached = file.IsRoot;
        }

        var properties = chain.Count == 0 && globalConfigs.Count == 0 ? NoProperties : Merge(globalConfigs, chain, fullPath);
        propertiesByPath[fullPath] = properties;
        return properties;
    }

    /// <summary>Applies the files from the farthest to the nearest, so nearer files and later sections win.</summary>
    private static IReadOnlyDictionary<string, EditorConfigProperty> Merge(List<EditorConfigFile> globalConfigs, List<EditorConfigFile> chain, string fullPath)
    {
        var properties = new Dictionary<string, EditorConfigProperty>(StringComparer.Ordinal);
        for (var index = globalConfigs.Count - 1; index >= 0; index--)
        {
            foreach (var property in globalConfigs[index].Preamble.Properties.Values)
            {
                properties[property.Key] = property;
            }
        }

        for (var index = chain.Count - 1; index >= 0; index--)
        {
            var file = chain[index];
            var folder = Path.GetDirectoryName(file.Path) ?? string.Empty;
            var relative = Output.PathDisplay.Relative(fullPath, folder);
            if (relative is null)
            {
                continue;
            }

            relative = relative.Replace(Path.DirectorySeparatorChar, '/');
            foreach (var section in file.Sections)
            {
                if (!section.Matcher.IsMatch(relative))
                {
                    continue;
                }

                foreach (var property in section.Properties.Values)
                {
                    properties[property.Key] = property;
                }
            }
        }

        return properties;
    }

    private EditorConfigFile? Read(string path)
    {
        if (filesByPath.TryGetValue(path, out var cached))
        {
            return cached;
        }

        EditorConfigFile? file = null;
        try
        {
            if (File.Exists(path))
            {
                file = EditorConfigFile.Parse(path, File.ReadAllText(path));
            }
        }
        catch (Exception exception) when (ReadFailure.IsReadError(exception))
        {
            notifications.Add(ReadFailure.Notification(path, exception));
        }

        filesByPath[path] = file;
        return file;
    }
}
