using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

internal enum NginxLexemeKind
{
    Word,
    Semicolon,
    BlockStart,
    BlockEnd,
    EndOfFile,
}

internal readonly struct NginxLexeme
{
    public NginxLexeme(NginxLexemeKind kind, int offset)
    {
        Kind = kind;
        Offset = offset;
        Token = default;
    }

    public NginxLexeme(NginxLexemeKind kind, int offset, NginxToken token)
    {
        Kind = kind;
        Offset = offset;
        Token = token;
    }

    public NginxLexemeKind Kind { get; }

    /// <summary>Where the lexeme starts in the text; for the end of file, the text's length.</summary>
    public int Offset { get; }

    /// <summary>The word, for a <see cref="NginxLexemeKind.Word"/>; the default token otherwise.</summary>
    public NginxToken Token { get; }
}

/// <summary>
/// Splits a file into words and punctuation the way nginx's <c>ngx_conf_read_token</c> does. Which
/// punctuation is an error (a <c>;</c> without a directive, a <c>}</c> after arguments) depends on the
/// statement, so the parser decides that; this class reports only errors inside a word.
/// </summary>
internal sealed class NginxLexer
{
    /// <summary>nginx reads a file through a 4096-byte buffer and rejects a token that does not fit in it.</summary>
    internal const int MaxTokenBytes = 4096;

    private readonly NginxSourceText source;
    private readonly Action<string, int> reportError;
    private readonly NginxWordTable? wordTable;
    private readonly string text;
    private readonly List<NginxToken> comments = new();
    private readonly List<NginxLexeme>? recorded;
    private readonly NginxLexemeRecording? replayed;
    private int position;

    // The line that position is on and the offset where that line starts, counted as the lexer moves forward.
    // nginx counts lines by LF only, so a lone CR is ordinary whitespace.
    private int line = 1;
    private int lineStart;
    private bool recordingSpoiled;

    /// <param name="source">The file to read.</param>
    /// <param name="reportError">Receives an error message and the offset it is about.</param>
    /// <param name="wordTable">Shares the strings of short words between tokens; null copies every word.</param>
    /// <param name="record">Whether to keep the lexemes for <see cref="FinishRecording"/>.</param>
    public NginxLexer(NginxSourceText source, Action<string, int> reportError, NginxWordTable? wordTable = null, bool record = false)
    {
        this.source = source;
        this.reportError = reportError;
        this.wordTable = wordTable;
        text = source.Text;
        recorded = record ? new List<NginxLexeme>() : null;
    }

    private NginxLexer(NginxSourceText source, NginxLexemeRecording recording)
        : this(source, (_, _) => { }, wordTable: null)
    {
        replayed = recording;
        UnclosedQuoteOffset = recording.UnclosedQuoteOffset;
    }

    /// <summary>
    /// Creates a lexer that returns the lexemes an earlier lexer recorded for the same file, tokens included,
    /// without reading the text again. A snippet that every server includes is then lexed a few times per run,
    /// not once per include.
    /// </summary>
    public static NginxLexer Replay(NginxSourceText source, NginxLexemeRecording recording) => new(source, recording);

    public NginxSourceText Source => source;

    /// <summary>Where a quoted word that runs to the end of the file opens, or null when every quote is closed.</summary>
    public int? UnclosedQuoteOffset { get; private set; }

    /// <summary>The <c>#</c> comments read so far, each with the text after the <c>#</c>, without escape decoding.</summary>
    public IReadOnlyList<NginxToken> Comments => replayed?.Comments ?? comments;

    public NginxLexeme Next()
    {
        if (replayed is not null)
        {
            var lexemes = replayed.Lexemes;
            return lexemes[Math.Min(position++, lexemes.Length - 1)];
        }

        if (recorded is null)
        {
            // Returned straight from ReadNext, the lexeme is written once, into the caller's copy, not into a local first.
            return ReadNext();
        }

        var lexeme = ReadNext();
        recorded.Add(lexeme);
        return lexeme;
    }

    /// <summary>
    /// Returns what this lexer recorded, or null when a replay could differ from a new read: the file had an
    /// error inside a word, a Lua block read as raw text, or the reader stopped before its end.
    /// </summary>
    public NginxLexemeRecording? FinishRecording()
    {
        if (recorded is null || recordingSpoiled || recorded.Count == 0 || recorded[recorded.Count - 1].Kind != NginxLexemeKind.EndOfFile)
        {
            return null;
        }

        return new NginxLexemeRecording(recorded.ToArray(), comments.ToArray(), UnclosedQuoteOffset);
    }

    private NginxLexeme ReadNext()
    {
        SkipWhitespaceAndComments();
        var start = position;
        NginxLexemeKind kind;
        if (start >= text.Length)
        {
            kind = NginxLexemeKind.EndOfFile;
        }
        else
        {
            switch (text[start])
            {
                case ';':
                    kind = NginxLexemeKind.Semicolon;
                    break;
                case '{':
                    kind = NginxLexemeKind.BlockStart;
                    break;
                case '}':
                    kind = NginxLexemeKind.BlockEnd;
                    break;
                case '"':
                case '\'':
                    return ReadQuoted(text[start]);
                default:
                    return ReadBare();
            }

            position++;
        }

        // One return for every tokenless lexeme leaves one temporary lexeme in the frame, and the JIT clears
        // each temporary on every call.
        return new NginxLexeme(kind, Math.Min(start, text.Length));
    }

    /// <summary>
    /// Reads the body of a <c>*_by_lua_block</c> after its <c>{</c>, up to the matching <c>}</c>, skipping
    /// braces inside Lua strings and comments as the lua-nginx-module reader does. Returns null at the end
    /// of the file.
    /// </summary>
    public string? ReadLuaBlock()
    {
        if (replayed is not null)
        {
            throw new InvalidOperationException("A recording never contains a Lua block, so a replay cannot read one.");
        }

        recordingSpoiled = true;
        var start = position;
        var body = ReadLuaBlockBody();
        CountLines(start, Math.Min(position, text.Length));
        return body;
    }

    private string? ReadLuaBlockBody()
    {
        var start = position;
        var depth = 1;
        while (position < text.Length)
        {
            var ch = text[position];
            if (ch == '-' && Peek(1) == '-')
            {
                position += 2;
                if (!TrySkipLongBracket())
                {
                    SkipToEndOfLine();
                }

                continue;
            }

            if (ch == '[' && TrySkipLongBracket())
            {
                continue;
            }

            position++;
            if (ch == '"' || ch == '\'')
            {
                SkipLuaString(ch);
            }
            else if (ch == '{')
            {
                depth++;
            }
            else if (ch == '}' && --depth == 0)
            {
                return text.Substring(start, position - 1 - start);
            }
        }

        return null;
    }

    private void ReportError(string message, int offset)
    {
        recordingSpoiled = true;
        reportError(message, offset);
    }

    /// <summary>Moves the line count past the line feeds from <paramref name="start"/> to <paramref name="end"/>.</summary>
    private void CountLines(int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        var last = span.LastIndexOf('\n');
        if (last >= 0)
        {
            line += NginxSourceText.CountLineFeeds(span);
            lineStart = start + last + 1;
        }
    }

    private static bool IsWhitespace(char ch) => ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';

    private char Peek(int ahead) => position + ahead < text.Length ? text[position + ahead] : '\0';

    private void SkipWhitespaceAndComments()
    {
        var text = this.text;
        var i = position;
        while ((uint)i < (uint)text.Length)
        {
            var ch = text[i];
            if (ch == ' ' || ch == '\t' || ch == '\r')
            {
                i++;
            }
            else if (ch == '\n')
            {
                i++;
                line++;
                lineStart = i;
            }
            else if (ch == '#')
            {
                position = i;
                ReadComment();
                i = position;
            }
            else
            {
                break;
            }
        }

        position = i;
    }

    private void ReadComment()
    {
        var start = position;
        SkipToEndOfLine();
        CheckLength(start, position, '\0');
        comments.Add(CreateCommentToken(start, position));
    }

    private void SkipToEndOfLine()
    {
        while (position < text.Length && text[position] != '\n')
        {
            position++;
        }
    }

    private NginxLexeme ReadBare()
    {
        var text = this.text;
        var start = position;
        var startLine = line;
        var startColumn = start - lineStart + 1;
        var hash = NginxWordTable.HashSeed;
        var hasEscape = false;
        var i = start;
        while ((uint)i < (uint)text.Length)
        {
            var ch = text[i];
            if (!IsSpecialInBareWord(ch))
            {
                hash = NginxWordTable.AddToHash(hash, ch);
                i++;
            }
            else if (ch == '\\')
            {
                hasEscape = true;
                i = SkipEscape(i);
            }
            else if (ch == '$')
            {
                // "${" keeps the brace in the word: nginx reads it as the start of a braced variable name.
                hash = NginxWordTable.AddToHash(hash, ch);
                i++;
                while ((uint)i < (uint)text.Length && text[i] == '{')
                {
                    hash = NginxWordTable.AddToHash(hash, '{');
                    i++;
                }
            }
            else
            {
                // Whitespace, ';' or '{' ends the word. ReadNext never starts a bare word at one of them.
                break;
            }
        }

        // The value is taken before the length check, so that the hash is not kept across that call.
        position = i;
        var value = hasEscape ? DecodeEscapes(text, start, i) : ShareWord(start, i, hash);
        CheckLength(start, i, '\0');
        return new NginxLexeme(NginxLexemeKind.Word, start, new NginxToken(value, '\0', source.Path, startLine, startColumn, line, i - lineStart + 1));
    }

    /// <summary>
    /// Returns whether a bare word cannot simply take <paramref name="ch"/>: whitespace, <c>;</c> and <c>{</c>
    /// end it, and <c>\</c> and <c>$</c> change how the next character reads.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpecialInBareWord(char ch) =>
        ch < 64 ? ((SpecialInBareWordBelow64 >> ch) & 1) != 0 : ch == '\\' || ch == '{';

    private const ulong SpecialInBareWordBelow64 =
        (1UL << '\t') | (1UL << '\n') | (1UL << '\r') | (1UL << ' ') | (1UL << '$') | (1UL << ';');

    /// <summary>Skips the backslash at <paramref name="index"/> and the character after it, which may be a line feed.</summary>
    private int SkipEscape(int index)
    {
        if (index + 1 < text.Length && text[index + 1] == '\n')
        {
            line++;
            lineStart = index + 2;
        }

        return Math.Min(index + 2, text.Length);
    }

    private NginxLexeme ReadQuoted(char quote)
    {
        var text = this.text;
        var start = position;
        var startLine = line;
        var startColumn = start - lineStart + 1;
        var contentStart = start + 1;
        var contentEnd = -1;
        var hash = NginxWordTable.HashSeed;
        var hasEscape = false;
        var i = contentStart;
        while ((uint)i < (uint)text.Length)
        {
            var ch = text[i];
            if (ch == quote)
            {
                contentEnd = i;
                i++;
                break;
            }

            if (ch == '\\')
            {
                hasEscape = true;
                i = SkipEscape(i);
                continue;
            }

            if (ch == '\n')
            {
                line++;
                lineStart = i + 1;
            }

            hash = NginxWordTable.AddToHash(hash, ch);
            i++;
        }

        position = i;
        var closed = contentEnd >= 0;
        if (!closed)
        {
            contentEnd = text.Length;
            UnclosedQuoteOffset = start;
        }

        CheckLength(contentStart, contentEnd, quote);
        var value = hasEscape ? DecodeEscapes(text, contentStart, contentEnd) : ShareWord(contentStart, contentEnd, hash);
        var token = new NginxToken(value, quote, source.Path, startLine, startColumn, line, i - lineStart + 1);
        if (closed)
        {
            CheckAfterClosingQuote();
        }

        return new NginxLexeme(NginxLexemeKind.Word, start, token);
    }

    /// <summary>Returns <see cref="text"/>[start, end), which has no backslash, from the word table when there is one.</summary>
    private string ShareWord(int start, int end, int hash) =>
        wordTable is null ? text.Substring(start, end - start) : wordTable.Get(text, start, end, hash);

    /// <summary>
    /// nginx requires whitespace, <c>;</c>, <c>{</c> or <c>)</c> right after a closing quote. The <c>)</c>
    /// then starts a new word, which is how <c>if ($a = "b")</c> reads.
    /// </summary>
    private void CheckAfterClosingQuote()
    {
        if (position >= text.Length)
        {
            return;
        }

        var next = text[position];
        if (!IsWhitespace(next) && next != ';' && next != '{' && next != ')')
        {
            ReportError("unexpected \"" + next + "\"", position);
        }
    }

    /// <summary>
    /// Reports a word (or comment) that would overflow nginx's read buffer: one of at least 4096 bytes that
    /// the file goes on after, since at the very end of the file nginx reports the missing terminator instead.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckLength(int start, int end, char quote)
    {
        // A character takes at most 3 bytes in UTF-8, so most words skip the byte count and the call.
        if ((end - start) * 3 >= MaxTokenBytes)
        {
            CheckByteLength(start, end, quote);
        }
    }

    private void CheckByteLength(int start, int end, char quote)
    {
        var length = end - start;
        if (source.GetByteCount(start, end) < MaxTokenBytes)
        {
            return;
        }

        // A file has at least as many bytes as characters, so the byte count is needed only near its end.
        var fileGoesOn = text.Length - start > MaxTokenBytes || source.GetByteCount(start, text.Length) > MaxTokenBytes;
        if (!fileGoesOn)
        {
            return;
        }

        if (quote != '\0')
        {
            ReportError("too long parameter, probably missing terminating \"" + quote + "\" character", start);
            return;
        }

        var shown = text.Substring(start, Math.Min(10, length));
        ReportError("too long parameter \"" + shown + "...\" started", start);
    }

    /// <summary>Creates the token of a comment, which ends at <paramref name="end"/> on the current line.</summary>
    private NginxToken CreateCommentToken(int start, int end) =>
        new(text.Substring(start + 1, end - start - 1), '\0', source.Path, line, start - lineStart + 1, line, end - lineStart + 1);

    /// <summary>Decodes the escapes nginx decodes; any other backslash stays in the value.</summary>
    private static string DecodeEscapes(string text, int start, int end)
    {
        // Decoding never makes a word longer, so the raw length is enough room.
        var length = end - start;
        var decoded = length <= 256 ? stackalloc char[length] : new char[length];
        var count = 0;
        for (var i = start; i < end; i++)
        {
            var ch = text[i];
            if (ch == '\\' && i + 1 < end)
            {
                var escaped = text[i + 1];
                var replacement = escaped switch
                {
                    '"' or '\'' or '\\' => escaped,
                    't' => '\t',
                    'r' => '\r',
                    'n' => '\n',
                    _ => '\0',
                };
                if (replacement != '\0')
                {
                    decoded[count++] = replacement;
                    i++;
                    continue;
                }
            }

            decoded[count++] = ch;
        }

        return decoded.Slice(0, count).ToString();
    }

    private void SkipLuaString(char quote)
    {
        while (position < text.Length)
        {
            var ch = text[position++];
            if (ch == '\\')
            {
                position++;
            }
            else if (ch == quote || ch == '\n')
            {
                return;
            }
        }
    }

    /// <summary>Skips a Lua long bracket (<c>[[ ]]</c>, <c>[==[ ]==]</c>) if one starts here.</summary>
    private bool TrySkipLongBracket()
    {
        if (Peek(0) != '[')
        {
            return false;
        }

        var level = 0;
        while (Peek(1 + level) == '=')
        {
            level++;
        }

        if (Peek(1 + level) != '[')
        {
            return false;
        }

        var closing = "]" + new string('=', level) + "]";
        var end = text.IndexOf(closing, position + level + 2, StringComparison.Ordinal);
        position = end < 0 ? text.Length : end + closing.Length;
        return true;
    }
}
