using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

/// <summary>
/// The decoded text of one configuration file, with what the reader needs to map character offsets back
/// to lines, columns and byte counts.
/// </summary>
internal sealed class NginxSourceText
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding Latin1 = Encoding.GetEncoding("iso-8859-1");

    private readonly bool isUtf8;

    // The offset of each line's first character, built on the first position lookup. The lexer counts lines
    // as it reads, so most files never need the table.
    private int[]? lineStarts;
    private NginxLexemeRecording? recording;
    private int reads;

    private NginxSourceText(string path, string text, bool isUtf8)
    {
        Path = path;
        Text = text;
        this.isUtf8 = isUtf8;
    }

    public string Path { get; }

    public string Text { get; }

    /// <summary>The UTF-16 or UTF-32 encoding the file's byte order mark announces; null for a file nginx can read.</summary>
    public string? WideEncoding { get; private set; }

    /// <summary>
    /// The lexemes of the file once this text has been parsed twice, so that later includes of it replay them
    /// instead of reading the text again. It is null before that, or when the file cannot be replayed.
    /// Several threads may read and set it, because any recording of the file is as good as another.
    /// </summary>
    public NginxLexemeRecording? Recording
    {
        get => Volatile.Read(ref recording);
        set => Volatile.Write(ref recording, value);
    }

    /// <summary>
    /// Counts one more read of the file and returns whether it is worth recording its lexemes: from the second
    /// read on, since most files are read once and a recording of those would only cost memory.
    /// </summary>
    public bool CountReadAndCheckRecording() => Interlocked.Increment(ref reads) >= 2;

    /// <summary>Whether the file starts with a UTF-8 byte order mark, which nginx does not skip.</summary>
    public bool StartsWithByteOrderMark => Text.Length > 0 && Text[0] == '\uFEFF';

    /// <summary>
    /// Decodes file bytes. nginx reads bytes, so a file that is not valid UTF-8 is decoded as ISO-8859-1,
    /// which maps every byte to one character and keeps byte counts exact. A byte order mark is kept.
    /// </summary>
    public static NginxSourceText FromBytes(string path, byte[] bytes) => FromBytes(path, bytes, bytes.Length);

    /// <summary>Decodes the first <paramref name="count"/> bytes of <paramref name="bytes"/> as <see cref="FromBytes(string, byte[])"/> does.</summary>
    public static NginxSourceText FromBytes(string path, byte[] bytes, int count)
    {
        if (ByteOrderMark.DetectWide(bytes, count)?.Name is { } wideEncoding)
        {
            return new NginxSourceText(path, string.Empty, isUtf8: true) { WideEncoding = wideEncoding };
        }

        try
        {
            return new NginxSourceText(path, StrictUtf8.GetString(bytes, 0, count), isUtf8: true);
        }
        catch (DecoderFallbackException)
        {
            return new NginxSourceText(path, Latin1.GetString(bytes, 0, count), isUtf8: false);
        }
    }

    /// <summary>Wraps text that is already decoded: a file of an <c>nginx -T</c> dump, a text passed in memory, or the start of a file being recognized.</summary>
    public static NginxSourceText FromString(string path, string text) => new(path, text, isUtf8: true);

    /// <summary>Returns the number of line feeds in <paramref name="text"/>, the only line end nginx counts.</summary>
    internal static int CountLineFeeds(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = text.IndexOf('\n'); i >= 0; i = NextIndexOf(text, '\n', i + 1))
        {
            count++;
        }

        return count;
    }

    public int GetLine(int offset)
    {
        var index = Array.BinarySearch(GetLineStarts(), offset);
        return index >= 0 ? index + 1 : ~index;
    }

    public int GetColumn(int offset) => offset - GetLineStarts()[GetLine(offset) - 1] + 1;

    private int[] GetLineStarts()
    {
        // Two threads may build the table at the same time. Both build the same table, so either may win.
        var starts = Volatile.Read(ref lineStarts);
        if (starts is not null)
        {
            return starts;
        }

        // nginx counts lines by LF only, so a lone CR is an ordinary whitespace character.
        var text = Text.AsSpan();
        starts = new int[CountLineFeeds(text) + 1];
        var line = 1;
        for (var i = text.IndexOf('\n'); i >= 0; i = NextIndexOf(text, '\n', i + 1))
        {
            starts[line++] = i + 1;
        }

        Volatile.Write(ref lineStarts, starts);
        return starts;
    }

    private static int NextIndexOf(ReadOnlySpan<char> text, char value, int start)
    {
        var index = text.Slice(start).IndexOf(value);
        return index < 0 ? -1 : start + index;
    }

    /// <summary>Returns how many bytes the characters from <paramref name="start"/> to <paramref name="end"/> took in the file.</summary>
    public int GetByteCount(int start, int end)
    {
        var length = Math.Max(end - start, 0);
        return isUtf8 ? StrictUtf8.GetByteCount(Text.ToCharArray(start, length)) : length;
    }
}
