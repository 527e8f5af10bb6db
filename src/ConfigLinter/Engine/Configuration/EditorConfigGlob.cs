using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NetSecAnalyzers.ConfigLinter.Configuration;

/// <summary>
/// A section glob of <c>.editorconfig</c>, as the format specifies: <c>*</c> within one path segment,
/// <c>**</c> across segments, <c>?</c>, <c>[abc]</c>, <c>[!abc]</c>, <c>{a,b}</c> and <c>{1..9}</c>. A glob
/// without <c>/</c> matches a file name in any folder below the <c>.editorconfig</c> file; one with
/// <c>/</c> matches the path relative to that folder.
/// </summary>
internal sealed class EditorConfigGlob
{
    private readonly Regex? pattern;
    private readonly NumberRange[] ranges;

    private EditorConfigGlob(Regex? pattern, NumberRange[] ranges)
    {
        this.pattern = pattern;
        this.ranges = ranges;
    }

    public static EditorConfigGlob Create(string glob)
    {
        var text = glob.IndexOf('/') < 0 ? "**/" + glob : glob.TrimStart('/');
        var builder = new StringBuilder("^");
        var ranges = new System.Collections.Generic.List<NumberRange>();
        var braceDepth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            switch (character)
            {
                case '*' when i + 1 < text.Length && text[i + 1] == '*':
                    // "**/" also matches no folder at all, so "**/x" matches "x" at the top.
                    var slashFollows = i + 2 < text.Length && text[i + 2] == '/';
                    builder.Append(slashFollows ? "(?:.*/)?" : ".*");
                    i += slashFollows ? 2 : 1;
                    break;
                case '*':
                    builder.Append("[^/]*");
                    break;
                case '?':
                    builder.Append("[^/]");
                    break;
                case '[':
                    var end = text.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        builder.Append("\\[");
                        break;
                    }

                    var members = text.Substring(i + 1, end - i - 1);
                    var negated = members.StartsWith("!", StringComparison.Ordinal);
                    builder.Append(negated ? "[^/" : "[").Append(Regex.Escape(negated ? members.Substring(1) : members).Replace("\\-", "-")).Append(']');
                    i = end;
                    break;
                case '{':
                    var close = text.IndexOf('}', i + 1);
                    if (close > 0 && TryParseRange(text.Substring(i + 1, close - i - 1), out var range))
                    {
                        builder.Append("(-?[0-9]+)");
                        ranges.Add(range);
                        i = close;
                        break;
                    }

                    if (close < 0 || text.IndexOf(',', i + 1, close - i - 1) < 0)
                    {
                        builder.Append("\\{");
                        break;
                    }

                    braceDepth++;
                    builder.Append("(?:");
                    break;
                case ',' when braceDepth > 0:
                    builder.Append('|');
                    break;
                case '}' when braceDepth > 0:
                    braceDepth--;
                    builder.Append(')');
                    break;
                case '\\' when i + 1 < text.Length:
                    builder.Append(Regex.Escape(text[++i].ToString()));
                    break;
                default:
                    builder.Append(Regex.Escape(character.ToString()));
                    break;
            }
        }

        builder.Append('$');
        try
        {
            return new EditorConfigGlob(new Regex(builder.ToString(), RegexOptions.CultureInvariant), ranges.ToArray());
        }
        catch (ArgumentException)
        {
            // An unbalanced brace list: editors skip such a section, so it matches nothing.
            return new EditorConfigGlob(null, Array.Empty<NumberRange>());
        }
    }

    /// <summary>Returns whether the glob matches a path relative to the <c>.editorconfig</c> folder, with <c>/</c> separators.</summary>
    public bool IsMatch(string relativePath)
    {
        var match = pattern?.Match(relativePath);
        if (match is null || !match.Success)
        {
            return false;
        }

        for (var index = 0; index < ranges.Length; index++)
        {
            var number = int.Parse(match.Groups[index + 1].Value, CultureInfo.InvariantCulture);
            if (number < ranges[index].Minimum || number > ranges[index].Maximum)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseRange(string text, out NumberRange range)
    {
        range = default;
        var parts = text.Split(new[] { ".." }, StringSplitOptions.None);
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var second))
        {
            return false;
        }

        range = new NumberRange(Math.Min(first, second), Math.Max(first, second));
        return true;
    }

    private readonly struct NumberRange
    {
        public NumberRange(int minimum, int maximum)
        {
            Minimum = minimum;
            Maximum = maximum;
        }

        public int Minimum { get; }

        public int Maximum { get; }
    }
}
