using System;
using System.Collections.Generic;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Configuration;

/// <summary>
/// The settings of one <c>.netsec.ini</c> file. The format is the subset of INI that <c>.editorconfig</c>
/// uses: <c>key = value</c> lines, whole-line <c>#</c> and <c>;</c> comments, and <c>[glob]</c> section
/// headers. Keys are case-insensitive and a later line overrides an earlier one.
/// </summary>
/// <remarks>
/// Section headers are accepted and ignored: every key applies to every linted file, whatever section it
/// is in. A <c>#</c> or <c>;</c> after a value is part of the value, as in <c>.editorconfig</c>.
/// </remarks>
public sealed class NetsecConfigFile
{
    /// <summary>The name looked up in the working folder and its parents.</summary>
    public const string FileName = ".netsec.ini";

    public const string NginxVersionKey = "netsec.nginx_version";
    public const string NginxPrefixKey = "netsec.nginx_prefix";
    public const string HstsMinimumMaxAgeKey = "netsec.hsts_min_max_age";
    public const string AuthenticationPathPatternsKey = AuthenticationPaths.SettingKey;
    public const string SensitivePortsKey = "netsec.sensitive_ports";

    private readonly List<LintNotification> notifications = new();

    private NetsecConfigFile(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public Version? NginxVersion { get; private set; }

    public string? NginxPrefix { get; private set; }

    public long? HstsMinimumMaxAge { get; private set; }

    public IReadOnlyList<string>? AuthenticationPathPatterns { get; private set; }

    public IReadOnlyList<int>? SensitivePorts { get; private set; }

    /// <summary>Unknown keys, invalid values and unreadable lines, each with its file, line and column.</summary>
    public IReadOnlyList<LintNotification> Notifications => notifications;

    /// <summary>Parses the text of a configuration file; <paramref name="path"/> is used for locations only.</summary>
    public static NetsecConfigFile Parse(string path, string text)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var file = new NetsecConfigFile(path);
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            file.ReadLine(lines[index].TrimEnd('\r'), index + 1);
        }

        return file;
    }

    /// <summary>Copies the settings this file sets onto <paramref name="options"/>, leaving the others as they are.</summary>
    public void ApplyTo(LintOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (NginxVersion is not null)
        {
            options.NginxVersion = NginxVersion;
        }

        if (NginxPrefix is not null)
        {
            options.NginxPrefix = NginxPrefix;
        }

        if (HstsMinimumMaxAge is { } seconds)
        {
            options.HstsMinimumMaxAge = seconds;
        }

        if (AuthenticationPathPatterns is not null)
        {
            options.AuthenticationPathPatterns = AuthenticationPathPatterns;
        }

        if (SensitivePorts is not null)
        {
            options.SensitivePorts = SensitivePorts;
        }
    }

    private void ReadLine(string line, int lineNumber)
    {
        var start = SkipWhitespace(line, 0);
        if (start == line.Length || line[start] == '#' || line[start] == ';')
        {
            return;
        }

        var end = line.Length;
        while (end > start && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        if (line[start] == '[')
        {
            if (line[end - 1] != ']')
            {
                Notify(ConfigNotificationCodes.Syntax, NotificationLevel.Error, "Section header without a closing ']'.", lineNumber, start, end);
            }

            return;
        }

        var equals = line.IndexOf('=', start);
        if (equals < 0)
        {
            Notify(ConfigNotificationCodes.Syntax, NotificationLevel.Error, "Expected 'key = value', a comment or a section header.", lineNumber, start, end);
            return;
        }

        var keyEnd = equals;
        while (keyEnd > start && char.IsWhiteSpace(line[keyEnd - 1]))
        {
            keyEnd--;
        }

        var valueStart = SkipWhitespace(line, equals + 1);
        var valueEnd = Math.Max(end, valueStart);
        if (keyEnd == start)
        {
            Notify(ConfigNotificationCodes.Syntax, NotificationLevel.Error, "Expected a key before '='.", lineNumber, start, end);
            return;
        }

        var key = line.Substring(start, keyEnd - start);
        var value = line.Substring(valueStart, valueEnd - valueStart);
        var error = Assign(key, value);
        if (error is null)
        {
            return;
        }

        if (error.Length == 0)
        {
            Notify(ConfigNotificationCodes.UnknownKey, NotificationLevel.Warning, "Unknown key '" + key + "'; it is ignored.", lineNumber, start, keyEnd);
        }
        else
        {
            Notify(ConfigNotificationCodes.InvalidValue, NotificationLevel.Error, error, lineNumber, valueStart, valueEnd);
        }
    }

    /// <summary>Stores the value of a known key. Returns null on success, an empty string for an unknown key, or the error.</summary>
    private string? Assign(string key, string value)
    {
        string? error;
        if (IsKey(key, NginxVersionKey))
        {
            if (SettingValues.TryParseNginxVersion(value, NginxVersionKey, out var version, out error))
            {
                NginxVersion = version;
            }
        }
        else if (IsKey(key, NginxPrefixKey))
        {
            if (SettingValues.TryParseNginxPrefix(value, NginxPrefixKey, out var prefix, out error))
            {
                NginxPrefix = prefix;
            }
        }
        else if (IsKey(key, HstsMinimumMaxAgeKey))
        {
            if (SettingValues.TryParseHstsMinimumMaxAge(value, HstsMinimumMaxAgeKey, out var seconds, out error))
            {
                HstsMinimumMaxAge = seconds;
            }
        }
        else if (IsKey(key, AuthenticationPathPatternsKey))
        {
            if (SettingValues.TryParseAuthenticationPathPatterns(value, AuthenticationPathPatternsKey, out var patterns, out error))
            {
                AuthenticationPathPatterns = patterns;
            }
        }
        else if (IsKey(key, SensitivePortsKey))
        {
            if (SettingValues.TryParseSensitivePorts(value, SensitivePortsKey, out var ports, out error))
            {
                SensitivePorts = ports;
            }
        }
        else
        {
            error = string.Empty;
        }

        return error;
    }

    private static bool IsKey(string key, string known) => string.Equals(key, known, StringComparison.OrdinalIgnoreCase);

    private static int SkipWhitespace(string line, int index)
    {
        while (index < line.Length && char.IsWhiteSpace(line[index]))
        {
            index++;
        }

        return index;
    }

    /// <param name="startIndex">The 0-based index of the region's first character in the line.</param>
    /// <param name="endIndex">The 0-based index just after the region.</param>
    private void Notify(string code, NotificationLevel level, string message, int lineNumber, int startIndex, int endIndex) =>
        notifications.Add(new LintNotification(
            code,
            level,
            message,
            new SourceLocation(Path, lineNumber, startIndex + 1, lineNumber, endIndex + 1)));
}
