using System;
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

    /// <summary>How far <see cref="IsBinary"/> looks: the first 8000 characters, the span git checks for the same test.</summary>
    private const int BinaryCheckLength = 8000;

    /// <summary>Reads up to <see cref="Length"/> characters; throws the IO exceptions of opening the file.</summary>
    public static string Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[Length];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = reader.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return new string(buffer, 0, total);
    }

    /// <summary>
    /// Returns whether text read from a file is binary data rather than text: a NUL character near its
    /// start, which no configuration format the linter reads contains.
    /// </summary>
    public static bool IsBinary(string text) => text.IndexOf('\0', 0, Math.Min(text.Length, BinaryCheckLength)) >= 0;
}
