using System;
using System.Collections.Generic;
using System.Linq;

namespace NetSecAnalyzers.Catalog;

/// <summary>
/// The path patterns NETSEC070 takes as sign-in, token or password-reset endpoints, and how a path is
/// matched against them. The C# analyzer and the nginx rule share both, so one pattern list means the
/// same endpoints in code and in the proxy in front of it.
/// </summary>
/// <remarks>
/// A path is split into lower-case words at every character other than a letter, a digit, <c>-</c> or
/// <c>_</c>. A pattern matches when its words appear one after another in the path's words, so
/// <c>/login.php</c> and <c>^/(login|signin)$</c> contain <c>login</c>, <c>password/reset</c> matches
/// <c>/account/password/reset</c>, and <c>/authors</c> does not contain <c>auth</c>.
/// </remarks>
public sealed class AuthenticationPaths
{
    /// <summary>The <c>.editorconfig</c> and <c>.netsec.ini</c> key that replaces the default patterns.</summary>
    public const string SettingKey = "netsec.auth_paths";

    /// <summary>The default patterns: words for sign-in, token issuance and password reset.</summary>
    public static readonly IReadOnlyList<string> DefaultPatterns = new[]
    {
        "login", "log-in", "signin", "sign-in", "logon", "auth", "authenticate", "oauth", "token",
        "password/reset", "reset-password", "forgot-password",
    };

    private readonly IReadOnlyList<IReadOnlyList<string>> patterns;

    public AuthenticationPaths(IEnumerable<string> patterns)
    {
        if (patterns is null)
        {
            throw new ArgumentNullException(nameof(patterns));
        }

        this.patterns = patterns.Select(Words).Where(words => words.Count > 0).ToList();
    }

    public static AuthenticationPaths Default { get; } = new(DefaultPatterns);

    /// <summary>Returns whether any pattern's words appear in a row among <paramref name="path"/>'s words.</summary>
    public bool Matches(string path)
    {
        var words = Words(path);
        return patterns.Any(pattern => Contains(words, pattern));
    }

    /// <summary>
    /// Parses a comma-separated list of path words such as <c>login,token,password/reset</c>. Spaces
    /// around a word are dropped; a word may not contain spaces, and the list may not be empty.
    /// </summary>
    public static bool TryParse(string text, out IReadOnlyList<string>? patterns)
    {
        var words = (text ?? string.Empty).Split(',').Select(word => word.Trim()).ToArray();
        if (words.All(word => word.Length > 0 && !word.Any(char.IsWhiteSpace)))
        {
            patterns = words;
            return true;
        }

        patterns = null;
        return false;
    }

    private static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '-' || text[i] == '_');
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text.Substring(start, i - start).ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }

    private static bool Contains(IReadOnlyList<string> words, IReadOnlyList<string> pattern)
    {
        for (var start = 0; start + pattern.Count <= words.Count; start++)
        {
            var matches = true;
            for (var offset = 0; offset < pattern.Count && matches; offset++)
            {
                matches = words[start + offset] == pattern[offset];
            }

            if (matches)
            {
                return true;
            }
        }

        return false;
    }
}
