using System;
using System.IO;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Output;

/// <summary>Turns the absolute paths in findings into the relative paths and URIs that output shows.</summary>
public static class PathDisplay
{
    private static readonly char[] Separators = { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar };

    /// <summary>
    /// Returns <paramref name="path"/> relative to <paramref name="baseDirectory"/> (both absolute), or null
    /// when the path is not inside that folder.
    /// </summary>
    public static string? Relative(string path, string baseDirectory)
    {
        var fullPath = Path.GetFullPath(path);
        var prefix = baseDirectory.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            ? baseDirectory
            : baseDirectory + Path.DirectorySeparatorChar;

        return fullPath.Length > prefix.Length && fullPath.StartsWith(prefix, PathComparison.Comparison)
            ? fullPath.Substring(prefix.Length)
            : null;
    }

    /// <summary>Returns the path to show a person: relative to the base folder when inside it, else absolute.</summary>
    public static string ForDisplay(string path, string baseDirectory) =>
        Relative(path, baseDirectory) ?? Path.GetFullPath(path);

    /// <summary>
    /// Returns the path that JSON output and baselines store: relative to the base folder with '/'
    /// separators when inside it, so that it is the same on every machine, else absolute.
    /// </summary>
    internal static string ForFile(string path, string baseDirectory)
    {
        var relative = Relative(path, baseDirectory);
        return relative is null ? Path.GetFullPath(path) : relative.Replace('\\', '/');
    }

    /// <summary>Returns a relative path as a relative URI reference: segments percent-encoded, joined by '/'.</summary>
    public static string ToRelativeUri(string relativePath) =>
        string.Join("/", relativePath.Split(Separators).Select(Uri.EscapeDataString));

    /// <summary>
    /// Returns an absolute path as a <c>file:</c> URI with every segment percent-encoded; a folder gets a
    /// trailing slash when <paramref name="isDirectory"/> is set, as SARIF requires of base URIs.
    /// </summary>
    public static string ToFileUri(string absolutePath, bool isDirectory = false)
    {
        var fullPath = Path.GetFullPath(absolutePath);
        var segments = fullPath.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        string uri;
        if (fullPath.StartsWith(@"\\", StringComparison.Ordinal))
        {
            // A UNC path's first segment is the host name.
            uri = "file://" + segments[0] + "/" + string.Join("/", segments.Skip(1).Select(Uri.EscapeDataString));
        }
        else if (segments.Length > 0 && segments[0].Length == 2 && segments[0][1] == ':')
        {
            // A Windows drive letter stays as it is: "C:" is the conventional form, not "C%3A".
            uri = "file:///" + segments[0] + "/" + string.Join("/", segments.Skip(1).Select(Uri.EscapeDataString));
        }
        else
        {
            uri = "file:///" + string.Join("/", segments.Select(Uri.EscapeDataString));
        }

        if (isDirectory && !uri.EndsWith("/", StringComparison.Ordinal))
        {
            uri += "/";
        }

        return uri;
    }
}
