using System;
using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Configuration;

/// <summary>
/// Parses the text of each <see cref="LintOptions"/> setting, so the command line and the configuration
/// file accept the same values and reject the others with the same wording.
/// </summary>
public static class SettingValues
{
    /// <summary>Parses a version of three numbers such as 1.24.0.</summary>
    /// <param name="name">The option or key that held the text, named in the error.</param>
    public static bool TryParseNginxVersion(string text, string name, out Version? version, out string? error)
    {
        var parts = text.Split('.');
        var valid = parts.Length == 3 && parts.All(part => part.Length > 0 && part.All(IsAsciiDigit));
        if (valid && Version.TryParse(text, out version))
        {
            error = null;
            return true;
        }

        version = null;
        error = Invalid(name, text, "expected three numbers such as 1.24.0.");
        return false;
    }

    /// <summary>Parses an absolute folder path, Unix (<c>/etc/nginx/</c>) or Windows (<c>C:\nginx\conf\</c>).</summary>
    public static bool TryParseNginxPrefix(string text, string name, out string? prefix, out string? error)
    {
        var unixAbsolute = text.StartsWith("/", StringComparison.Ordinal);
        var windowsAbsolute = text.Length >= 3 && char.IsLetter(text[0]) && text[1] == ':' && (text[2] == '\\' || text[2] == '/');
        if (unixAbsolute || windowsAbsolute)
        {
            prefix = text;
            error = null;
            return true;
        }

        prefix = null;
        error = Invalid(name, text, "expected an absolute folder path such as /etc/nginx/.");
        return false;
    }

    /// <summary>Parses a positive whole number of seconds.</summary>
    public static bool TryParseHstsMinimumMaxAge(string text, string name, out long seconds, out string? error)
    {
        if (text.Length > 0 && text.All(IsAsciiDigit) && long.TryParse(text, out seconds) && seconds > 0)
        {
            error = null;
            return true;
        }

        seconds = 0;
        error = Invalid(name, text, "expected a whole number of seconds such as 31536000.");
        return false;
    }

    /// <summary>
    /// Parses a comma-separated list of path words such as <c>login,token,password/reset</c>. Spaces
    /// around a word are dropped; a word may not contain spaces, and the list may not be empty.
    /// </summary>
    public static bool TryParseAuthenticationPathPatterns(string text, string name, out IReadOnlyList<string>? patterns, out string? error)
    {
        if (AuthenticationPaths.TryParse(text, out patterns))
        {
            error = null;
            return true;
        }

        error = Invalid(name, text, "expected comma-separated path words such as login,token,password/reset.");
        return false;
    }

    private static bool IsAsciiDigit(char character) => character >= '0' && character <= '9';

    private static string Invalid(string name, string text, string expectation) =>
        "Invalid " + name + " '" + text + "': " + expectation;
}
