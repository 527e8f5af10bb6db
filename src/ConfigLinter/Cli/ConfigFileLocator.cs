using System.IO;
using NetSecAnalyzers.ConfigLinter.Configuration;

namespace NetSecAnalyzers.Cli;

/// <summary>Finds and reads the <c>.netsec.ini</c> file that applies to a lint run.</summary>
internal static class ConfigFileLocator
{
    /// <summary>
    /// Reads <paramref name="explicitPath"/> when given (relative to the working folder), otherwise the
    /// <c>.netsec.ini</c> in the working folder or its nearest parent that has one. Returns null with a
    /// null <paramref name="error"/> when there is no file, and null with an error when the given file
    /// is missing or unreadable.
    /// </summary>
    public static NetsecConfigFile? Load(string? explicitPath, string workingDirectory, out string? error)
    {
        error = null;
        string? path;
        if (explicitPath is not null)
        {
            path = Path.GetFullPath(Path.Combine(workingDirectory, explicitPath));
            if (Directory.Exists(path))
            {
                error = "Configuration file '" + explicitPath + "' is a folder. Give the path of a file, such as '" + Path.Combine(explicitPath, ".netsec.ini") + "'.";
                return null;
            }

            if (!File.Exists(path))
            {
                error = "Configuration file '" + explicitPath + "' not found.";
                return null;
            }
        }
        else
        {
            path = FindInFolderOrParents(Path.GetFullPath(workingDirectory));
            if (path is null)
            {
                return null;
            }
        }

        try
        {
            return NetsecConfigFile.Parse(path, File.ReadAllText(path));
        }
        catch (IOException exception)
        {
            error = "Failed to read configuration file '" + path + "': " + exception.Message;
        }
        catch (System.UnauthorizedAccessException exception)
        {
            error = "Failed to read configuration file '" + path + "': " + exception.Message;
        }

        return null;
    }

    private static string? FindInFolderOrParents(string folder)
    {
        for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, NetsecConfigFile.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
