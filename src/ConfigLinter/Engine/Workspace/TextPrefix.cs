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

    /// <summary>
    /// The maximum number of bytes that <see cref="Length"/> characters take after a byte order mark: four each in UTF-32,
    /// and never more than four in UTF-8, so one read of this many bytes always contains the prefix.
    /// </summary>
    private const int MaxPrefixBytes = (Length + 1) * 4;

    /// <summary>How far <see cref="IsBinary"/> looks: the first 8000 characters, the span git checks for the same test.</summary>
    private const int BinaryCheckLength = 8000;

    /// <summary>
    /// Reads up to <see cref="Length"/> characters into <paramref name="chars"/>, which must hold at least
    /// that many, and returns how many it read. Throws the IO exceptions of opening the file.
    /// </summary>
    /// <remarks>
    /// A folder walk classifies every file it meets. A <see cref="StreamReader"/> allocated two buffers per
    /// file, which on a set of ten thousand files were a large share of everything the linter allocated, so
    /// the bytes go through a rented buffer, and the encoding is chosen from the byte order mark as the
    /// reader chose it: UTF-8 without one, and the mark itself is not part of the text.
    /// </remarks>
    public static int ReadInto(string path, char[] chars)
    {
        if (SpecialFiles.HasNoContent(path))
        {
            return 0;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(MaxPrefixBytes);
        try
        {
            int count;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
            {
                count = ReadUpTo(stream, bytes, MaxPrefixBytes);
            }

            var encoding = EncodingOf(bytes, count, out var markLength);
            encoding.GetDecoder().Convert(bytes, markLength, count - markLength, chars, 0, Length, flush: false, out _, out var charCount, out _);
            return charCount;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static int ReadUpTo(Stream stream, byte[] buffer, int limit)
    {
        var total = 0;
        while (total < limit)
        {
            var read = stream.Read(buffer, total, limit - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    /// <summary>Returns the encoding a byte order mark names, and the mark's length; UTF-8 when there is none.</summary>
    private static Encoding EncodingOf(byte[] bytes, int count, out int markLength)
    {
        if (ByteOrderMark.DetectWide(bytes, count) is { } wide)
        {
            markLength = wide.Length;
            return wide.Encoding;
        }

        markLength = ByteOrderMark.Utf8Length(bytes, count);
        return Encoding.UTF8;
    }

    /// <summary>
    /// Returns whether text read from a file is binary data rather than text: a NUL character near its
    /// start, which no configuration format the linter reads contains.
    /// </summary>
    public static bool IsBinary(string text) => IsBinary(text.AsSpan());

    /// <summary>Returns whether the start of a file's text is binary data, as <see cref="IsBinary(string)"/> does.</summary>
    public static bool IsBinary(ReadOnlySpan<char> text) => text.Slice(0, Math.Min(text.Length, BinaryCheckLength)).IndexOf('\0') >= 0;
}
