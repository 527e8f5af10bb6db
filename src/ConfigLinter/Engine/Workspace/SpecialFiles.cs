using System;
using System.IO;

namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>
/// Keeps the linter from opening files that are not regular files. Opening a named pipe for reading waits
/// until some process writes to it, so one pipe in a walked folder would stop the whole run, and a device
/// such as <c>/dev/zero</c> never ends.
/// </summary>
internal static class SpecialFiles
{
    /// <summary>
    /// Returns true for an empty file and for pipes, sockets and devices, whose size the system reports as
    /// zero, so the caller reads nothing instead of opening them. Throws the IO exceptions of reading the
    /// file's metadata.
    /// </summary>
    public static bool HasNoContent(string path) => new FileInfo(path).Length == 0;

    /// <summary>
    /// Returns true for a symbolic link whose final target does not exist or that is part of a loop of links.
    /// Returns false for anything else, and on netstandard2.0, which has no link API.
    /// </summary>
    public static bool IsBrokenLink(string path)
    {
#if NET6_0_OR_GREATER
        try
        {
            var file = new FileInfo(path);
            if (file.LinkTarget is null)
            {
                return false;
            }

            var target = file.ResolveLinkTarget(returnFinalTarget: true);
            return target is null || !target.Exists;
        }
        catch (IOException)
        {
            // The system reports a loop of links as too many levels of links.
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
#else
        return false;
#endif
    }
}
