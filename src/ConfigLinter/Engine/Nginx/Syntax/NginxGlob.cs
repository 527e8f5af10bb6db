using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

/// <summary>
/// Expands <c>include</c> patterns as nginx does with POSIX <c>glob()</c>: <c>*</c>, <c>?</c> and
/// <c>[...]</c> within one path segment, no match for a leading dot unless written, results sorted
/// byte-wise, and no error when nothing matches.
/// </summary>
internal static class NginxGlob
{
    private static readonly char[] Separators = { '/', '\\' };
    private static readonly char[] PatternCharacters = { '*', '?', '[' };

    public static bool IsPattern(string path) => path.IndexOfAny(PatternCharacters) >= 0;

    public static IReadOnlyList<string> Expand(string pattern, IConfigFileSystem fileSystem)
    {
        var segments = pattern.Split(Separators);
        var isRooted = Path.IsPathRooted(pattern);
        var candidates = new List<string> { isRooted ? segments[0] + Path.DirectorySeparatorChar : "." };

        for (var i = isRooted ? 1 : 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0)
            {
                continue;
            }

            var isLast = i == segments.Length - 1;
            var next = new List<string>();
            foreach (var directory in candidates)
            {
                if (!IsPattern(segment))
                {
                    var path = Path.Combine(directory, segment);
                    if (isLast ? fileSystem.FileExists(path) : fileSystem.DirectoryExists(path))
                    {
                        next.Add(path);
                    }

                    continue;
                }

                next.AddRange(MatchEntries(fileSystem, directory, segment, isLast));
            }

            candidates = next;
        }

        var results = isRooted ? candidates : candidates.Select(StripCurrentDirectory);
        return results.OrderBy(path => path, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Returns the paths among <paramref name="paths"/> that an absolute pattern matches, sorted as glob() sorts them.</summary>
    public static IReadOnlyList<string> Match(IEnumerable<string> paths, string pattern)
    {
        var patternSegments = pattern.Split(Separators);
        var matches = new List<string>();
        foreach (var path in paths)
        {
            var segments = path.Split(Separators);
            if (segments.Length != patternSegments.Length)
            {
                continue;
            }

            var isMatch = true;
            for (var i = 0; i < segments.Length && isMatch; i++)
            {
                isMatch = IsPattern(patternSegments[i]) ? IsMatch(segments[i], patternSegments[i]) : segments[i] == patternSegments[i];
            }

            if (isMatch)
            {
                matches.Add(path);
            }
        }

        matches.Sort(StringComparer.Ordinal);
        return matches;
    }

    private static string StripCurrentDirectory(string path) =>
        path.StartsWith("." + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path.Substring(2) : path;

    private static IEnumerable<string> MatchEntries(IConfigFileSystem fileSystem, string directory, string segment, bool filesOnly)
    {
        IEnumerable<string> entries;
        try
        {
            entries = filesOnly ? fileSystem.EnumerateFiles(directory) : fileSystem.EnumerateDirectories(directory);
            entries = entries.ToArray();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            yield break;
        }

        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            if (IsMatch(name, segment))
            {
                yield return Path.Combine(directory, name);
            }
        }
    }

    /// <summary>Matches one file name against one pattern segment.</summary>
    internal static bool IsMatch(string name, string pattern)
    {
        if (name.Length > 0 && name[0] == '.' && (pattern.Length == 0 || pattern[0] != '.'))
        {
            return false;
        }

        return MatchFrom(name, 0, pattern, 0);
    }

    private static bool MatchFrom(string name, int n, string pattern, int p)
    {
        while (p < pattern.Length)
        {
            var ch = pattern[p];
            if (ch == '*')
            {
                for (var skip = n; skip <= name.Length; skip++)
                {
                    if (MatchFrom(name, skip, pattern, p + 1))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (n >= name.Length)
            {
                return false;
            }

            if (ch == '?')
            {
                n++;
                p++;
                continue;
            }

            if (ch == '[')
            {
                var end = FindClassEnd(pattern, p);
                if (end > 0)
                {
                    if (!MatchClass(name[n], pattern, p + 1, end))
                    {
                        return false;
                    }

                    n++;
                    p = end + 1;
                    continue;
                }
            }

            if (ch == '\\' && p + 1 < pattern.Length)
            {
                p++;
                ch = pattern[p];
            }

            if (name[n] != ch)
            {
                return false;
            }

            n++;
            p++;
        }

        return n == name.Length;
    }

    /// <summary>Returns the index of the <c>]</c> that closes a class, or -1 when the <c>[</c> is literal.</summary>
    private static int FindClassEnd(string pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && (pattern[i] == '!' || pattern[i] == '^'))
        {
            i++;
        }

        // A ']' right after the opening (or after the negation) is a member, not the end.
        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        var end = pattern.IndexOf(']', i);
        return end;
    }

    private static bool MatchClass(char ch, string pattern, int start, int end)
    {
        var negate = pattern[start] == '!' || pattern[start] == '^';
        var i = negate ? start + 1 : start;
        var matched = false;
        while (i < end)
        {
            var low = pattern[i];
            if (i + 2 < end && pattern[i + 1] == '-')
            {
                var high = pattern[i + 2];
                matched |= ch >= low && ch <= high;
                i += 3;
            }
            else
            {
                matched |= ch == low;
                i++;
            }
        }

        return matched != negate;
    }
}
