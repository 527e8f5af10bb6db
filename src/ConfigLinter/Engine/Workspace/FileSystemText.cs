using System.IO;
using System.Text;

namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>Reads whole text files through <see cref="IConfigFileSystem"/>, so hosted runs see unsaved editor text.</summary>
internal static class FileSystemText
{
    /// <summary>
    /// Reads a file as UTF-8 without its byte order mark; invalid bytes become U+FFFD, as they do when
    /// <c>File.ReadAllText</c> reads them. Throws the IO exceptions of opening the file, and an
    /// <see cref="IOException"/> for a file that starts with a UTF-16 or UTF-32 byte order mark.
    /// </summary>
    /// <remarks>
    /// Read as UTF-8, such a file is mostly NUL characters, so a ufw rules file looked empty and a compose file
    /// failed with a YAML error that hid the cause. Readers report the exception as a file they cannot read.
    /// </remarks>
    public static string ReadAllText(this IConfigFileSystem fileSystem, string path)
    {
        var bytes = fileSystem.ReadAllBytes(path);
        if (ByteOrderMark.DetectWide(bytes, bytes.Length) is { } wide)
        {
            throw new IOException("it is " + wide.Name + " text (it starts with a byte order mark), which netsec reads only as UTF-8. Save it as UTF-8.");
        }

        var start = ByteOrderMark.Utf8Length(bytes, bytes.Length);
        return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }
}
