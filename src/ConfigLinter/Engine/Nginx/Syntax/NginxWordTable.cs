using System;
using System.Runtime.CompilerServices;

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

    // The hash of each word in words, which rejects most other words without reading their characters.
    private int[] hashes = new int[1 << 10];
    private int count;

    /// <summary>The hash of an empty word, to which <see cref="AddToHash"/> adds each character in turn.</summary>
    internal const int HashSeed = 17;

    /// <summary>Adds the next character of a word to its hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int AddToHash(int hash, char ch) => unchecked((hash * 31) + ch);

    /// <summary>
    /// Returns the characters <paramref name="text"/>[start, end) as a string, shared when it was seen before.
    /// <paramref name="hash"/> must be those characters added to <see cref="HashSeed"/> with <see cref="AddToHash"/>.
    /// </summary>
    public string Get(string text, int start, int end, int hash)
    {
        var length = end - start;
        if (length > MaxWordLength || length == 0)
        {
            return text.Substring(start, length);
        }

        var word = text.AsSpan(start, length);
        var words = this.words;
        var hashes = this.hashes;
        var mask = words.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var stored = words[slot];
            if (stored is null)
            {
                var created = word.ToString();
                if (count < words.Length / 2)
                {
                    words[slot] = created;
                    hashes[slot] = hash;
                    count++;
                    if (count == words.Length / 2 && words.Length < MaxCapacity)
                    {
                        Grow();
                    }
                }

                return created;
            }

            if (hashes[slot] == hash && word.SequenceEqual(stored))
            {
                return stored;
            }
        }
    }

    private void Grow()
    {
        var oldWords = words;
        var oldHashes = hashes;
        words = new string?[oldWords.Length * 2];
        hashes = new int[oldWords.Length * 2];
        var mask = words.Length - 1;
        for (var i = 0; i < oldWords.Length; i++)
        {
            if (oldWords[i] is not { } word)
            {
                continue;
            }

            var slot = oldHashes[i] & mask;
            while (words[slot] is not null)
            {
                slot = (slot + 1) & mask;
            }

            words[slot] = word;
            hashes[slot] = oldHashes[i];
        }
    }
}
