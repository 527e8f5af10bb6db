using System;
using System.Collections.Generic;
using System.Text;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Suppressions;

namespace NetSecAnalyzers.ConfigLinter.Firewall;

/// <summary>One word of a shell command or of an <c>iptables-save</c> line, with its quotes removed.</summary>
internal sealed class ShellWord
{
    public ShellWord(string text, SourceLocation location, bool isQuoted, bool hasExpansion)
    {
        Text = text;
        Location = location;
        IsQuoted = isQuoted;
        HasExpansion = hasExpansion;
    }

    /// <summary>The word as the command receives it: quotes and escapes removed, <c>$</c> expansions kept as written.</summary>
    public string Text { get; }

    /// <summary>Where the word is written, quotes included.</summary>
    public SourceLocation Location { get; }

    public bool IsQuoted { get; }

    /// <summary>Whether the word contains an unquoted or double-quoted <c>$</c>, so its value is known only at run time.</summary>
    public bool HasExpansion { get; }

    public override string ToString() => Text;
}

/// <summary>One simple command: its words, from the first to the control operator or line end that ends it.</summary>
internal sealed class ShellCommand
{
    public ShellCommand(IReadOnlyList<ShellWord> words)
    {
        Words = words;
    }

    public IReadOnlyList<ShellWord> Words { get; }

    public LineRange Lines => new(Words[0].Location.StartLine, Words[Words.Count - 1].Location.EndLine);
}

/// <summary>
/// Splits a shell script, or an <c>iptables-save</c> file, into simple commands of words, the way a POSIX
/// shell tokenizes before expansion: quotes, backslash escapes, line continuations, comments, control
/// operators (<c>; &amp; &amp;&amp; || |</c>) and redirections. Parameter and command substitutions are kept as
/// text. Every word keeps its line and column.
/// </summary>
internal sealed class ShellScanner
{
    private readonly string path;
    private readonly string text;
    private readonly Action<SourceLocation, string> reportError;
    private readonly List<ShellCommand> commands = new();
    private readonly List<SourceComment> comments = new();
    private readonly bool keepAllComments;
    private int position;
    private int line = 1;
    private int column = 1;

    /// <summary>The text that starts every suppression comment's form.</summary>
    public const string SuppressionMarker = "netsec-disable";

    private ShellScanner(string path, string text, Action<SourceLocation, string> reportError, bool keepAllComments)
    {
        this.keepAllComments = keepAllComments;
        this.path = path;
        this.text = text;
        this.reportError = reportError;
    }

    /// <summary>
    /// Scans <paramref name="text"/>. An unterminated quote is reported through
    /// <paramref name="reportError"/> and ends the scan, as it ends the shell's.
    /// </summary>
    /// <param name="keepAllComments">False to return only the comments that contain <see cref="SuppressionMarker"/>.</param>
    public static (IReadOnlyList<ShellCommand> Commands, IReadOnlyList<SourceComment> Comments) Scan(
        string path, string text, Action<SourceLocation, string> reportError, bool keepAllComments = false)
    {
        var scanner = new ShellScanner(path, text, reportError, keepAllComments);
        scanner.ScanAll();
        return (scanner.commands, scanner.comments);
    }

    private bool AtEnd => position >= text.Length;

    private char Current => text[position];

    private void ScanAll()
    {
        var words = new List<ShellWord>();
        var skipNextWord = false;
        while (!AtEnd)
        {
            var character = Current;
            if (character == '\\' && position + 1 < text.Length && text[position + 1] == '\n')
            {
                Advance();
                Advance();
            }
            else if (character == '\\' && position + 2 < text.Length && text[position + 1] == '\r' && text[position + 2] == '\n')
            {
                Advance();
                Advance();
                Advance();
            }
            else if (character == ' ' || character == '\t' || character == '\r')
            {
                Advance();
            }
            else if (character == '\n' || character == ';' || character == '&' || character == '|' || character == '(' || character == ')')
            {
                EndCommand(words);
                skipNextWord = false;
                Advance();
            }
            else if (character == '#')
            {
                ScanComment();
            }
            else if (character == '<' || character == '>')
            {
                // A redirection's target is not an argument of the command.
                while (!AtEnd && (Current == '<' || Current == '>' || Current == '&'))
                {
                    Advance();
                }

                skipNextWord = true;
            }
            else
            {
                var word = ScanWord();
                if (word is null)
                {
                    return;
                }

                if (skipNextWord)
                {
                    skipNextWord = false;
                }
                else if (IsFileDescriptorBeforeRedirection(word))
                {
                    // The "2" of "2>/dev/null" names a file descriptor, not an argument.
                }
                else
                {
                    words.Add(word);
                }
            }
        }

        EndCommand(words);
    }

    private static bool IsWordBreak(char character) =>
        character is ' ' or '\t' or '\r' or '\n' or ';' or '&' or '|' or '<' or '>' or '(' or ')';

    private bool IsFileDescriptorBeforeRedirection(ShellWord word) =>
        !AtEnd && (Current == '>' || Current == '<') && !word.IsQuoted && word.Text.Length == 1 && char.IsDigit(word.Text[0]);

    private void EndCommand(List<ShellWord> words)
    {
        if (words.Count > 0)
        {
            commands.Add(new ShellCommand(words.ToArray()));
            words.Clear();
        }
    }

    private void ScanComment()
    {
        var startLine = line;
        var startColumn = column;
        var start = position;
        while (!AtEnd && Current != '\n')
        {
            Advance();
        }

        // Only suppression comments matter to the engine, and a rules file has a comment on every other line.
        if (text.IndexOf(SuppressionMarker, start, position - start, StringComparison.Ordinal) < 0 && !keepAllComments)
        {
            return;
        }

        var body = text.Substring(start + 1, position - start - 1).TrimEnd('\r');
        comments.Add(new SourceComment(body, SourceLocation.OnLine(path, startLine, startColumn, body.Length + 1), startColumn + 1));
    }

    /// <summary>Scans one word; returns null after reporting an unterminated quote.</summary>
    private ShellWord? ScanWord()
    {
        // Most words have no quotes or escapes: they are cut out of the text in one piece.
        var end = position;
        var plainExpansion = false;
        while (end < text.Length && !IsWordBreak(text[end]) && text[end] != '\'' && text[end] != '"' && text[end] != '\\')
        {
            plainExpansion |= text[end] == '$';
            end++;
        }

        if (end == text.Length || (IsWordBreak(text[end]) && !(text[end] == '(' && end > position && text[end - 1] == '$')))
        {
            var word = new ShellWord(
                text.Substring(position, end - position),
                SourceLocation.OnLine(path, line, column, end - position),
                isQuoted: false,
                plainExpansion);
            column += end - position;
            position = end;
            return word;
        }

        var startLine = line;
        var startColumn = column;
        var value = new StringBuilder();
        var quoted = false;
        var expansion = false;
        while (!AtEnd)
        {
            var character = Current;
            if (IsWordBreak(character))
            {
                // "$(" starts a command substitution, kept in the word rather than ending it.
                if (character == '(' && value.Length > 0 && value[value.Length - 1] == '$')
                {
                    ScanSubstitution(value);
                    continue;
                }

                break;
            }

            if (character == '\'' || character == '"')
            {
                quoted = true;
                var quoteLine = line;
                var quoteColumn = column;
                Advance();
                if (!ScanQuoted(character, value, ref expansion))
                {
                    reportError(SourceLocation.OnLine(path, quoteLine, quoteColumn, 1), "unexpected end of file: the " + (character == '"' ? "double" : "single") + " quote is never closed");
                    return null;
                }

                continue;
            }

            if (character == '\\' && position + 1 < text.Length)
            {
                Advance();
                if (Current == '\n')
                {
                    Advance();
                    continue;
                }

                value.Append(Current);
                Advance();
                continue;
            }

            if (character == '$')
            {
                expansion = true;
            }

            value.Append(character);
            Advance();
        }

        return new ShellWord(value.ToString(), new SourceLocation(path, startLine, startColumn, line, column), quoted, expansion);
    }

    private void ScanSubstitution(StringBuilder value)
    {
        var depth = 0;
        while (!AtEnd && Current != '\n')
        {
            if (Current == '(')
            {
                depth++;
            }
            else if (Current == ')')
            {
                depth--;
            }

            value.Append(Current);
            Advance();
            if (depth == 0)
            {
                return;
            }
        }
    }

    /// <summary>Scans to the closing quote; the opening one is consumed. Returns false at the end of the text.</summary>
    private bool ScanQuoted(char quote, StringBuilder value, ref bool expansion)
    {
        while (!AtEnd)
        {
            var character = Current;
            if (character == quote)
            {
                Advance();
                return true;
            }

            if (quote == '"' && character == '\\' && position + 1 < text.Length && "$`\"\\\n".IndexOf(text[position + 1]) >= 0)
            {
                Advance();
                if (Current != '\n')
                {
                    value.Append(Current);
                }

                Advance();
                continue;
            }

            if (quote == '"' && character == '$')
            {
                expansion = true;
            }

            value.Append(character);
            Advance();
        }

        return false;
    }

    private void Advance()
    {
        if (text[position] == '\n')
        {
            line++;
            column = 1;
        }
        else
        {
            column++;
        }

        position++;
    }
}
