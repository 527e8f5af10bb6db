using System.Collections.Generic;
using System.IO;

namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>The machine's own files, as the <c>netsec</c> tool reads them.</summary>
internal sealed class DiskFileSystem : IConfigFileSystem
{
    public static readonly DiskFileSystem Instance = new();

    private DiskFileSystem()
    {
    }

    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public IEnumerable<string> EnumerateFiles(string directory) => Directory.EnumerateFiles(directory);

    public IEnumerable<string> EnumerateDirectories(string directory) => Directory.EnumerateDirectories(directory);

    public byte[] ReadAllBytes(string path) => SpecialFiles.HasNoContent(path) ? System.Array.Empty<byte>() : File.ReadAllBytes(path);
}
