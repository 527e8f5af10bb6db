using System;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

/// <summary>
/// Hands out one string per distinct short word, so that the many tokens that repeat a directive name,
/// a variable or <c>on</c> share it instead of each holding a copy. On a large set of files this removes
/// most of the strings the lexer creates, and with them much of the garbage collector's work.
/// </summary>
/// <remarks>
/// The table grows to 32,768 words and then stops taking new ones; later words are copied as before. Long words
/// (certificate paths, header values) rarely repeat, so they are never looked up.
/// </remarks>
internal sealed class NginxWordTable
{
    private const int MaxWordLength = 32;
    private const int MaxCapacity = 1 << 16;

    // Open addressing with linear probing, at most half full; it doubles until it reaches MaxCapacity.
    private string?[] words = new string?[1 << 10];
    private int count;

    /// <summary>Returns the characters <paramref name="text"/>[start, end) as a string, shared when it was seen before.</summary>
    public string Get(string text, int start, int end)
    {
        var length = end - start;
        if (length > MaxWordLength || length == 0)
        {
            return text.Substring(start, length);
        }

        var hash = Hash(text, start, end);
        var mask = words.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var word = words[slot];
            if (word is null)
            {
                var created = text.Substring(start, length);
                if (count < words.Length / 2)
                {
                    words[slot] = created;
                    count++;
                    if (count == words.Length / 2 && words.Length < MaxCapacity)
                    {
                        Grow();
                    }
                }

                return created;
            }

            if (word.Length == length && string.CompareOrdinal(word, 0, text, start, length) == 0)
            {
                return word;
            }
        }
    }

    private static int Hash(string text, int start, int end)
    {
        var hash = 17;
        for (var i = start; i < end; i++)
        {
            hash = unchecked((hash * 31) + text[i]);
        }

        return hash;
    }

    private void Grow()
    {
        var old = words;
        words = new string?[old.Length * 2];
        var mask = words.Length - 1;
        foreach (var word in old)
        {
            if (word is null)
            {
                continue;
            }

            var slot = Hash(word, 0, word.Length) & mask;
            while (words[slot] is not null)
            {
                slot = (slot + 1) & mask;
            }

            words[slot] = word;
        }
    }
}
