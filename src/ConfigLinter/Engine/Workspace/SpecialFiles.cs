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
}
