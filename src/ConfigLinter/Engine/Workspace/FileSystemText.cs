using System.Text;

namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>Reads whole text files through <see cref="IConfigFileSystem"/>, so hosted runs see unsaved editor text.</summary>
internal static class FileSystemText
{
    /// <summary>
    /// Reads a file as UTF-8 without its byte order mark; invalid bytes become U+FFFD, as they do when
    /// <c>File.ReadAllText</c> reads them. Throws the IO exceptions of opening the file.
    /// </summary>
    public static string ReadAllText(this IConfigFileSystem fileSystem, string path)
    {
        var bytes = fileSystem.ReadAllBytes(path);
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }
}
