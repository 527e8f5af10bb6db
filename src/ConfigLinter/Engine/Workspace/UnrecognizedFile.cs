using System;
using System.Collections.Generic;
using System.Linq;

namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>The note on a file that was named on the command line but that no format recognizes.</summary>
internal static class UnrecognizedFile
{
    /// <summary>
    /// Returns whether a skipped file deserves a note, from the start of its text. An empty or
    /// whitespace-only file does not: it is valid in every format netsec reads and has nothing to lint, even
    /// though its content cannot show its format.
    /// </summary>
    public static bool NeedsNote(ReadOnlySpan<char> textPrefix) =>
        textPrefix.Length == TextPrefix.Length || !textPrefix.IsWhiteSpace();

    /// <summary>
    /// Returns the note's message. It names the formats and how each recognizes its files, so that a user
    /// can tell an unsupported file from a supported one that is named or written unusually.
    /// </summary>
    public static string Message(string displayPath, IReadOnlyList<ConfigurationFormat> formats)
    {
        var names = formats.Select(format => format.Name).ToList();
        var message = "Skipped '" + displayPath + "': not recognized as " + JoinAlternatives(names) + " configuration.";
        foreach (var format in formats.Where(format => format.RecognitionHint is not null))
        {
            message += " netsec reads " + format.Name + " files " + format.RecognitionHint + ".";
        }

        return message;
    }

    private static string JoinAlternatives(IReadOnlyList<string> words) =>
        words.Count <= 1
            ? string.Concat(words)
            : string.Join(", ", words.Take(words.Count - 1)) + " or " + words[words.Count - 1];
}
