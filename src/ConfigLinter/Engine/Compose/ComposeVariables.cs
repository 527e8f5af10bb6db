using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Compose;

/// <summary>
/// The variables a compose file's <c>${VAR}</c> references resolve to: those of the <c>.env</c> file in the
/// project folder. The environment of the machine running the linter is never read, because it is not the
/// deployment's; a variable that <c>.env</c> does not define is unknown unless the reference gives a default.
/// </summary>
internal sealed class ComposeVariables
{
    /// <summary>Stands for the value of a variable the linter cannot know, in interpolated text.</summary>
    public const char Unknown = '\uE000';

    public static ComposeVariables None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    private readonly IReadOnlyDictionary<string, string> values;

    public ComposeVariables(IReadOnlyDictionary<string, string> values) => this.values = values;

    /// <summary>Reads <c>.env</c> in <paramref name="projectFolder"/>; no file, or an unreadable one, defines nothing.</summary>
    public static ComposeVariables FromProjectFolder(string projectFolder, IConfigFileSystem? fileSystem = null)
    {
        fileSystem ??= DiskFileSystem.Instance;
        var path = Path.Combine(projectFolder, ".env");
        string text;
        try
        {
            if (!fileSystem.FileExists(path))
            {
                return None;
            }

            text = fileSystem.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return None;
        }

        return new ComposeVariables(DotEnv.Parse(text));
    }

    /// <summary>Returns these variables, with <paramref name="parent"/>'s for the names these do not define.</summary>
    public ComposeVariables WithFallback(ComposeVariables parent)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in parent.values)
        {
            merged[pair.Key] = pair.Value;
        }

        foreach (var pair in values)
        {
            merged[pair.Key] = pair.Value;
        }

        return new ComposeVariables(merged);
    }

    /// <summary>
    /// Interpolates <paramref name="text"/> as Compose does: <c>$$</c> is a dollar sign, and <c>${VAR}</c>,
    /// <c>$VAR</c>, <c>${VAR:-default}</c>, <c>${VAR-default}</c>, <c>${VAR:?error}</c>, <c>${VAR?error}</c>,
    /// <c>${VAR:+alternative}</c> and <c>${VAR+alternative}</c> are resolved. A default is used when the
    /// variable is not defined; a value the linter cannot know becomes <see cref="Unknown"/>.
    /// </summary>
    public string Interpolate(string text)
    {
        if (text.IndexOf('$') < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var c = text[position];
            if (c != '$' || position + 1 >= text.Length)
            {
                result.Append(c);
                position++;
                continue;
            }

            var next = text[position + 1];
            if (next == '$')
            {
                result.Append('$');
                position += 2;
            }
            else if (next == '{')
            {
                var close = MatchingBrace(text, position + 2);
                if (close < 0)
                {
                    // Compose rejects an unclosed reference; its value is unknown rather than guessed.
                    result.Append(Unknown);
                    return result.ToString();
                }

                result.Append(ResolveBraced(text.Substring(position + 2, close - position - 2)));
                position = close + 1;
            }
            else if (IsNameStart(next))
            {
                var end = position + 1;
                while (end < text.Length && IsNamePart(text[end]))
                {
                    end++;
                }

                var name = text.Substring(position + 1, end - position - 1);
                result.Append(values.TryGetValue(name, out var value) ? value : Unknown.ToString());
                position = end;
            }
            else
            {
                result.Append(c);
                position++;
            }
        }

        return result.ToString();
    }

    private string ResolveBraced(string body)
    {
        var nameEnd = 0;
        while (nameEnd < body.Length && IsNamePart(body[nameEnd]))
        {
            nameEnd++;
        }

        var name = body.Substring(0, nameEnd);
        var rest = body.Substring(nameEnd);
        var defined = values.TryGetValue(name, out var value);
        if (name.Length == 0)
        {
            return Unknown.ToString();
        }

        if (rest.Length == 0)
        {
            return defined ? value! : Unknown.ToString();
        }

        var colon = rest[0] == ':';
        var operatorText = colon ? rest.Substring(1) : rest;
        if (operatorText.Length == 0)
        {
            return Unknown.ToString();
        }

        var word = operatorText.Substring(1);
        var isSet = defined && (!colon || value!.Length > 0);
        switch (operatorText[0])
        {
            case '-':
                return isSet ? value! : Interpolate(word);
            case '?':
                return isSet ? value! : Unknown.ToString();
            case '+':
                if (isSet)
                {
                    return Interpolate(word);
                }

                return defined ? string.Empty : Unknown.ToString();
            default:
                return Unknown.ToString();
        }
    }

    private static int MatchingBrace(string text, int start)
    {
        var depth = 1;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '{')
            {
                depth++;
            }
            else if (text[i] == '}' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsNameStart(char c) => c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

    private static bool IsNamePart(char c) => IsNameStart(c) || (c >= '0' && c <= '9');
}

/// <summary>Reads the <c>KEY=VALUE</c> lines of a <c>.env</c> file the way Compose does for the common forms.</summary>
internal static class DotEnv
{
    public static Dictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line.Substring("export ".Length).TrimStart();
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = line.Substring(0, equals).Trim();
            values[key] = Unquote(line.Substring(equals + 1).Trim());
        }

        return values;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
        {
            return value.Substring(1, value.Length - 2);
        }

        // An unquoted value ends where a comment starts.
        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        return comment >= 0 ? value.Substring(0, comment).TrimEnd() : value;
    }
}
