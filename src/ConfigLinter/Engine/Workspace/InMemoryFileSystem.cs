using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>
/// A fixed set of files held as text, with the folders that contain them. Nothing outside the set
/// exists, so an include of a file the host did not pass is reported as missing.
/// </summary>
internal sealed class InMemoryFileSystem : IConfigFileSystem
{
    private readonly Dictionary<string, string> texts = new(PathComparison.Comparer);
    private readonly Dictionary<string, List<string>> filesByFolder = new(PathComparison.Comparer);
    private readonly Dictionary<string, HashSet<string>> foldersByParent = new(PathComparison.Comparer);

    /// <param name="files">Files with absolute paths; a path given twice keeps its first text.</param>
    public InMemoryFileSystem(IEnumerable<ConfigFileText> files)
    {
        foreach (var file in files)
        {
            var path = Normalize(file.Path);
            if (texts.ContainsKey(path))
            {
                continue;
            }

            texts[path] = file.Text;
            var folder = Path.GetDirectoryName(path);
            if (folder is null)
            {
                continue;
            }

            GetOrAdd(filesByFolder, folder).Add(path);
            AddFolderChain(folder);
        }
    }

    public bool FileExists(string path) => texts.ContainsKey(Normalize(path));

    public bool DirectoryExists(string path) => filesByFolder.ContainsKey(Normalize(path)) || foldersByParent.ContainsKey(Normalize(path));

    public IEnumerable<string> EnumerateFiles(string directory) =>
        filesByFolder.TryGetValue(Normalize(directory), out var files) ? files.ToArray() : Array.Empty<string>();

    public IEnumerable<string> EnumerateDirectories(string directory) =>
        foldersByParent.TryGetValue(Normalize(directory), out var folders) ? folders.ToArray() : Array.Empty<string>();

    public byte[] ReadAllBytes(string path)
    {
        if (!texts.TryGetValue(Normalize(path), out var text))
        {
            throw new FileNotFoundException("2: No such file among the files passed to the linter", path);
        }

        return Encoding.UTF8.GetBytes(text);
    }

    public TResult ReadAllBytes<TResult>(string path, Func<byte[], int, TResult> decode)
    {
        var bytes = ReadAllBytes(path);
        return decode(bytes, bytes.Length);
    }

    private void AddFolderChain(string folder)
    {
        var child = folder;
        var parent = Path.GetDirectoryName(child);
        while (parent is not null && GetOrAdd(foldersByParent, parent).Add(child))
        {
            child = parent;
            parent = Path.GetDirectoryName(child);
        }
    }

    private static TValue GetOrAdd<TValue>(Dictionary<string, TValue> map, string key)
        where TValue : new()
    {
        if (!map.TryGetValue(key, out var value))
        {
            value = new TValue();
            map[key] = value;
        }

        return value;
    }

    private static string Normalize(string path)
    {
        try
        {
            // Keys match what Path.GetDirectoryName returns: no trailing separator except on a root.
            var fullPath = Path.GetFullPath(path);
            var root = Path.GetPathRoot(fullPath) ?? string.Empty;
            var trimmed = fullPath.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            return trimmed.Length < root.Length ? root : trimmed;
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }
}
