using System.Text;

namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>
/// The byte order marks: UTF-16 and UTF-32 ones, which the classifier decodes and the readers reject, and the
/// UTF-8 one, which the classifier and the firewall and compose readers skip.
/// </summary>
internal static class ByteOrderMark
{
    private static readonly Encoding Utf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: true);

    /// <summary>
    /// Returns the wide encoding that the first <paramref name="count"/> bytes start with a mark of, its name
    /// and the mark's length, or null when they start with none. UTF-32LE is tested first, because its mark
    /// begins with UTF-16LE's.
    /// </summary>
    public static (Encoding Encoding, string Name, int Length)? DetectWide(byte[] bytes, int count)
    {
        if (count >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0)
        {
            return (Encoding.UTF32, "UTF-32LE", 4);
        }

        if (count >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF)
        {
            return (Utf32BigEndian, "UTF-32BE", 4);
        }

        if (count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return (Encoding.Unicode, "UTF-16LE", 2);
        }

        if (count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return (Encoding.BigEndianUnicode, "UTF-16BE", 2);
        }

        return null;
    }

    /// <summary>Returns the length of the UTF-8 byte order mark that the first <paramref name="count"/> bytes start with: 3, or 0 without one.</summary>
    public static int Utf8Length(byte[] bytes, int count) =>
        count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
}
