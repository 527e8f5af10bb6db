using System;
using System.Buffers;
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

    public byte[] ReadAllBytes(string path) => SpecialFiles.HasNoContent(path) ? Array.Empty<byte>() : File.ReadAllBytes(path);

    /// <remarks>
    /// A large nginx set is ten thousand files read once each, and an array per file was a tenth of what
    /// such a run allocated. So the bytes go through a pooled buffer, which grows if the file grows while
    /// it is read.
    /// </remarks>
    public TResult ReadAllBytes<TResult>(string path, Func<byte[], int, TResult> decode)
    {
        if (SpecialFiles.HasNoContent(path))
        {
            return decode(Array.Empty<byte>(), 0);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(stream.Length + 1, int.MaxValue));
        try
        {
            var count = 0;
            int read;
            while ((read = stream.Read(buffer, count, buffer.Length - count)) > 0)
            {
                count += read;
                if (count == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, count);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return decode(buffer, count);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
