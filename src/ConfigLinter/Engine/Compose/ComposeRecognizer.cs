using System;
using System.IO;

using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Compose;

/// <summary>Decides whether a file is a compose file, from its name and then from its top-level keys.</summary>
internal static class ComposeRecognizer
{
    public static bool IsComposeFile(string path, string text)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        var extension = Path.GetExtension(name);
        if (extension != ".yaml" && extension != ".yml")
        {
            return false;
        }

        var stem = name.Substring(0, name.Length - extension.Length);
        if (stem == "compose" || stem == "docker-compose"
            || stem.EndsWith(".compose", StringComparison.Ordinal)
            || stem.StartsWith("docker-compose.", StringComparison.Ordinal)
            || stem.StartsWith("compose.", StringComparison.Ordinal))
        {
            return true;
        }

        return HasTopLevelServices(text);
    }

    /// <summary>
    /// Returns whether a line of the text starts with the key <c>services:</c> at column 1, which is how a
    /// YAML file with a top-level <c>services</c> mapping reads. Only the file's start is looked at.
    /// </summary>
    private static bool HasTopLevelServices(string text)
    {
        const string Key = "services:";
        var position = 0;
        while (position < text.Length)
        {
            if (string.CompareOrdinal(text, position, Key, 0, Key.Length) == 0)
            {
                var after = position + Key.Length;
                if (after == text.Length || text[after] == ' ' || text[after] == '\t' || text[after] == '\r' || text[after] == '\n' || text[after] == '#')
                {
                    return true;
                }
            }

            var newline = text.IndexOf('\n', position);
            if (newline < 0)
            {
                break;
            }

            position = newline + 1;
        }

        return false;
    }

    /// <summary>Returns whether the file is an override file that Compose reads with the main file of its folder.</summary>
    public static bool IsOverrideFile(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        return name is "compose.override.yaml" or "compose.override.yml" or "docker-compose.override.yaml" or "docker-compose.override.yml";
    }

    /// <summary>
    /// Returns the main file an override file belongs to, such as <c>compose.yaml</c> for
    /// <c>compose.override.yaml</c>; null when the folder has none.
    /// </summary>
    public static string? MainFileOf(string overridePath, IConfigFileSystem? fileSystem = null)
    {
        fileSystem ??= DiskFileSystem.Instance;
        var folder = Path.GetDirectoryName(Path.GetFullPath(overridePath)) ?? ".";
        var stem = Path.GetFileName(overridePath).ToLowerInvariant().StartsWith("docker-", StringComparison.Ordinal) ? "docker-compose" : "compose";
        foreach (var extension in new[] { ".yaml", ".yml" })
        {
            var candidate = Path.Combine(folder, stem + extension);
            if (fileSystem.FileExists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Returns the override file Compose reads after a main file, or null when there is none.</summary>
    public static string? OverrideFileOf(string mainPath, IConfigFileSystem? fileSystem = null)
    {
        fileSystem ??= DiskFileSystem.Instance;
        var name = Path.GetFileName(mainPath).ToLowerInvariant();
        var stem = name switch
        {
            "compose.yaml" or "compose.yml" => "compose",
            "docker-compose.yaml" or "docker-compose.yml" => "docker-compose",
            _ => null,
        };
        if (stem is null)
        {
            return null;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(mainPath)) ?? ".";
        foreach (var extension in new[] { ".yaml", ".yml" })
        {
            var candidate = Path.Combine(folder, stem + ".override" + extension);
            if (fileSystem.FileExists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
