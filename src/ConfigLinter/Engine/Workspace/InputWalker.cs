using System;
using System.Collections.Generic;
using System.IO;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>
/// Expands the paths a user gave into the files to classify, in a stable order: the paths in the order
/// given, and inside a folder its files by ordinal name, then its subfolders by ordinal name.
/// </summary>
/// <remarks>
/// Inside a walk, folders named in <see cref="SkippedFolderNames"/>, hidden folders (name starting with a
/// dot) and symbolic links to folders are not entered; skipping links is what keeps a link that points to
/// one of its own ancestors from looping. A folder given explicitly is always walked, even when it is a
/// link or hidden. A file reached twice, by the same path or through a symbolic link to it, is listed
/// once, under the first path reached (see <see cref="PathIdentity"/>).
/// </remarks>
internal static class InputWalker
{
    private static readonly HashSet<string> SkippedFolderNames =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".git", "bin", "obj", "node_modules" };

    public static IReadOnlyList<InputFile> Collect(IEnumerable<string> paths, string baseDirectory, DiagnosticBag diagnostics)
    {
        var files = new List<InputFile>();

        // Each real path is listed once, at its first place. A file that a folder walk listed and the user also
        // names counts as named, so that its notes and errors do not depend on the order of the arguments.
        var seen = new Dictionary<string, int>(PathComparison.Comparer);

        foreach (var path in paths)
        {
            var fullPath = Path.GetFullPath(Path.Combine(baseDirectory, path));
            if (File.Exists(fullPath))
            {
                var realPath = PathIdentity.RealPath(fullPath);
                if (seen.TryGetValue(realPath, out var index))
                {
                    files[index] = new InputFile(files[index].FullPath, isExplicit: true);
                }
                else
                {
                    seen.Add(realPath, files.Count);
                    files.Add(new InputFile(fullPath, isExplicit: true));
                }
            }
            else if (Directory.Exists(fullPath))
            {
                Walk(fullPath, path, files, seen, diagnostics);
            }
            else
            {
                diagnostics.Notify(new LintNotification(
                    NotificationCodes.PathNotFound,
                    NotificationLevel.Error,
                    "No such file or folder: '" + path + "'.",
                    location: null));
            }
        }

        return files;
    }

    private static void Walk(string directory, string displayPath, List<InputFile> files, Dictionary<string, int> seen, DiagnosticBag diagnostics)
    {
        string[] childFiles;
        string[] childDirectories;
        try
        {
            childFiles = Directory.GetFiles(directory);
            childDirectories = Directory.GetDirectories(directory);
        }
        catch (Exception exception) when (ReadFailure.IsReadError(exception))
        {
            diagnostics.Notify(ReadFailure.Notification(displayPath, exception, kind: "folder"));
            return;
        }

        Array.Sort(childFiles, StringComparer.Ordinal);
        foreach (var file in childFiles)
        {
            var realPath = PathIdentity.RealPath(file);
            if (!seen.ContainsKey(realPath))
            {
                seen.Add(realPath, files.Count);
                files.Add(new InputFile(file, isExplicit: false));
            }
        }

        Array.Sort(childDirectories, StringComparer.Ordinal);
        foreach (var child in childDirectories)
        {
            var name = Path.GetFileName(child);
            if (name.StartsWith(".", StringComparison.Ordinal) || SkippedFolderNames.Contains(name) || IsSymbolicLink(child))
            {
                continue;
            }

            Walk(child, Path.Combine(displayPath, name), files, seen, diagnostics);
        }
    }

    private static bool IsSymbolicLink(string directory)
    {
        try
        {
            return (File.GetAttributes(directory) & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A folder whose attributes cannot be read cannot be listed either; Walk reports that.
            return false;
        }
    }
}
