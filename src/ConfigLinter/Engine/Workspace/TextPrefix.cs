using System;
using System.Buffers;
using System.IO;
using System.Text;

namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>Reads the start of a file, which is all a format needs to recognise it.</summary>
internal static class TextPrefix
{
    /// <summary>
    /// The number of characters read for classification: enough for any header comment or first block,
    /// small enough that a stray multi-gigabyte file in a walked folder costs nothing.
    /// </summary>
    public const int Length = 16 * 1024;

    /// <summary>The bytes the reader takes from the file at a time: most configuration files fit in one read.</summary>
    private const int ReadBufferSize = 4096;

    /// <summary>How far <see cref="IsBinary"/> looks: the first 8000 characters, the span git checks for the same test.</summary>
    private const int BinaryCheckLength = 8000;

    /// <summary>Reads up to <see cref="Length"/> characters; throws the IO exceptions of opening the file.</summary>
    /// <remarks>
    /// A folder walk classifies every file it meets, so the buffers are kept small and the character buffer
    /// is rented: on a set of ten thousand files they were a large share of everything the linter allocated.
    /// </remarks>
    public static string Read(string path)
    {
        if (SpecialFiles.HasNoContent(path))
        {
            return string.Empty;
        }

        // The reader buffers the bytes itself, so the stream needs no buffer of its own (a size of 1 turns it off).
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: ReadBufferSize);
        var buffer = ArrayPool<char>.Shared.Rent(Length);
        try
        {
            var total = 0;
            while (total < Length)
            {
                var read = reader.Read(buffer, total, Length - total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return new string(buffer, 0, total);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Returns whether text read from a file is binary data rather than text: a NUL character near its
    /// start, which no configuration format the linter reads contains.
    /// </summary>
    public static bool IsBinary(string text) => text.IndexOf('\0', 0, Math.Min(text.Length, BinaryCheckLength)) >= 0;
}
