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

    /// <summary>
    /// Parses a comma-separated list of ports and ranges such as <c>5432,6379,9000-9100</c>. Spaces around an
    /// entry are dropped. A port is a whole number from 1 to 65535; a range's first port is not above its last.
    /// Each port is listed once, in ascending order.
    /// </summary>
    public static bool TryParseSensitivePorts(string text, string name, out IReadOnlyList<int>? ports, out string? error)
    {
        var result = new SortedSet<int>();
        foreach (var entry in text.Split(',').Select(entry => entry.Trim()))
        {
            var dash = entry.IndexOf('-');
            var first = dash < 0 ? entry : entry.Substring(0, dash).Trim();
            var last = dash < 0 ? entry : entry.Substring(dash + 1).Trim();
            if (!TryParsePort(first, out var low) || !TryParsePort(last, out var high) || low > high)
            {
                ports = null;
                error = Invalid(name, text, "expected comma-separated ports from 1 to 65535 or ranges such as 5432,6379,9000-9100.");
                return false;
            }

            for (var port = low; port <= high; port++)
            {
                result.Add(port);
            }
        }

        ports = result.ToArray();
        error = null;
        return true;
    }

    private static bool TryParsePort(string text, out int port)
    {
        port = 0;
        return text.Length > 0 && text.Length <= 5 && text.All(IsAsciiDigit) && int.TryParse(text, out port) && port >= 1 && port <= 65535;
    }

    private static bool IsAsciiDigit(char character) => character >= '0' && character <= '9';

    private static string Invalid(string name, string text, string expectation) =>
        "Invalid " + name + " '" + text + "': " + expectation;
}
