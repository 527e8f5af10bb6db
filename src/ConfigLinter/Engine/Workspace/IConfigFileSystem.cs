using System.Collections.Generic;

namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>
/// The files a format reader may open while it lints: the disk for the <c>netsec</c> tool, and the
/// project's additional files for the analyzer that runs inside the compiler and the IDE.
/// </summary>
/// <remarks>
/// Readers open included files through this interface, never through <c>System.IO.File</c>, so that an
/// editor's unsaved text is what the IDE analyzes and an include resolves among the files the host gave.
/// </remarks>
internal interface IConfigFileSystem
{
    bool FileExists(string path);

    bool DirectoryExists(string path);

    /// <summary>Returns the full paths of the files directly inside <paramref name="directory"/>.</summary>
    /// <exception cref="System.IO.IOException">The folder cannot be listed.</exception>
    IEnumerable<string> EnumerateFiles(string directory);

    /// <summary>Returns the full paths of the folders directly inside <paramref name="directory"/>.</summary>
    /// <exception cref="System.IO.IOException">The folder cannot be listed.</exception>
    IEnumerable<string> EnumerateDirectories(string directory);

    /// <exception cref="System.IO.IOException">The file is missing or cannot be read.</exception>
    byte[] ReadAllBytes(string path);

    /// <summary>
    /// Reads a whole file and passes its bytes, the array and the number of bytes in it, to
    /// <paramref name="decode"/>. The array may be rented from a pool and reused after
    /// <paramref name="decode"/> returns, so <paramref name="decode"/> must not keep it.
    /// </summary>
    /// <exception cref="System.IO.IOException">The file is missing or cannot be read.</exception>
    TResult ReadAllBytes<TResult>(string path, System.Func<byte[], int, TResult> decode);
}
