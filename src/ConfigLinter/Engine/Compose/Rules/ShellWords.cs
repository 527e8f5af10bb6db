using System.Collections.Generic;
using System.Text;

namespace NetSecAnalyzers.ConfigLinter.Compose.Rules;

/// <summary>
/// Splits command text into words as a POSIX shell does for the common forms: whitespace separates words,
/// single quotes keep everything, double quotes and backslashes escape. Compose splits a string
/// <c>command</c> this way; inside <c>sh -c</c> scripts the control operators <c>;</c>, <c>&amp;</c>,
/// <c>|</c> and newlines also end a simple command. Expansions, substitutions and here-documents are not
/// interpreted.
/// </summary>
internal static class ShellWords
{
    /// <summary>Splits text into words, ignoring control operators (Compose's split of a string command).</summary>
    public static List<string> Split(string text)
    {
        var words = new List<string>();
        foreach (var command in SplitCommands(text, honorOperators: false))
        {
            words.AddRange(command);
        }

        return words;
    }

    /// <summary>Splits a shell script into simple commands, each a list of words.</summary>
    public static List<List<string>> SplitCommands(string text, bool honorOperators = true)
    {
        var commands = new List<List<string>>();
        var current = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\'')
            {
                var end = text.IndexOf('\'', i + 1);
                end = end < 0 ? text.Length : end;
                word.Append(text, i + 1, end - i - 1);
                inWord = true;
                i = end + 1;
            }
            else if (c == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length && "\"\\$`\n".IndexOf(text[i + 1]) >= 0)
                    {
                        i++;
                    }

                    word.Append(text[i]);
                    i++;
                }

                inWord = true;
                i++;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                if (text[i + 1] != '\n')
                {
                    word.Append(text[i + 1]);
                    inWord = true;
                }

                i += 2;
            }
            else if (char.IsWhiteSpace(c) && !(honorOperators && c == '\n'))
            {
                EndWord(current, word, ref inWord);
                i++;
            }
            else if (honorOperators && (c == ';' || c == '&' || c == '|' || c == '\n' || c == '(' || c == ')'))
            {
                EndWord(current, word, ref inWord);
                EndCommand(commands, ref current);
                i++;
            }
            else if (honorOperators && c == '#' && !inWord)
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
                i++;
            }
        }

        EndWord(current, word, ref inWord);
        EndCommand(commands, ref current);
        return commands;
    }

    private static void EndWord(List<string> current, StringBuilder word, ref bool inWord)
    {
        if (inWord)
        {
            current.Add(word.ToString());
            word.Clear();
            inWord = false;
        }
    }

    private static void EndCommand(List<List<string>> commands, ref List<string> current)
    {
        if (current.Count > 0)
        {
            commands.Add(current);
            current = new List<string>();
        }
    }
}
