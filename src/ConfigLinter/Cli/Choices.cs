using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;

namespace NetSecAnalyzers.Cli;

/// <summary>Options that take one word from a fixed list, and the wording of such lists in messages.</summary>
internal static class Choices
{
    /// <summary>
    /// Restricts <paramref name="option"/> to <paramref name="choices"/>, compared case-sensitively, with a
    /// one-line error in the form of the other usage errors. System.CommandLine's own AcceptOnlyFromAmong
    /// prints one line per choice.
    /// </summary>
    public static void AcceptOnly(Option<string> option, params string[] choices)
    {
        option.CompletionSources.Add(choices);
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(token => Array.IndexOf(choices, token.Value) < 0))
            {
                result.AddError("Invalid " + option.Name + " '" + token.Value + "': expected " + Join(choices) + ".");
            }
        });
    }

    /// <summary>Joins words as a sentence lists alternatives: <c>a</c>, <c>a or b</c>, <c>a, b or c</c>.</summary>
    public static string Join(IReadOnlyList<string> words) =>
        words.Count <= 1
            ? string.Concat(words)
            : string.Join(", ", words.Take(words.Count - 1)) + " or " + words[words.Count - 1];
}
