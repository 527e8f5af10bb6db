using System;
using System.Collections.Generic;

namespace NetSecAnalyzers.ConfigLinter.Configuration;

/// <summary>
/// Reads the <c>netsec.*</c> settings from <c>.editorconfig</c> and global config keys, so that the
/// analyzer package and the <c>netsec</c> tool read a file's settings from the same keys with the same
/// value checks as <c>.netsec.ini</c>.
/// </summary>
public static class EditorConfigSettings
{
    /// <summary>Every key this class reads.</summary>
    public static IReadOnlyList<string> Keys { get; } = new[]
    {
        NetsecConfigFile.NginxVersionKey,
        NetsecConfigFile.NginxPrefixKey,
        NetsecConfigFile.HstsMinimumMaxAgeKey,
        NetsecConfigFile.AuthenticationPathPatternsKey,
        NetsecConfigFile.SensitivePortsKey,
    };

    /// <summary>
    /// Copies onto <paramref name="options"/> every setting that <paramref name="lookup"/> returns a value
    /// for, and returns the invalid values, each with its key and message. An invalid value leaves its
    /// setting unchanged.
    /// </summary>
    /// <param name="lookup">Returns a key's value, or null when the key is not set.</param>
    public static IReadOnlyList<KeyValuePair<string, string>> Apply(Func<string, string?> lookup, LintOptions options)
    {
        if (lookup is null)
        {
            throw new ArgumentNullException(nameof(lookup));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var errors = new List<KeyValuePair<string, string>>();
        foreach (var key in Keys)
        {
            var value = lookup(key)?.Trim();
            if (value is not null)
            {
                var error = Assign(key, value, options);
                if (error is not null)
                {
                    errors.Add(new KeyValuePair<string, string>(key, error));
                }
            }
        }

        return errors;
    }

    private static string? Assign(string key, string value, LintOptions options)
    {
        string? error;
        switch (key)
        {
            case NetsecConfigFile.NginxVersionKey:
                if (SettingValues.TryParseNginxVersion(value, key, out var version, out error))
                {
                    options.NginxVersion = version!;
                }

                break;

            case NetsecConfigFile.NginxPrefixKey:
                if (SettingValues.TryParseNginxPrefix(value, key, out var prefix, out error))
                {
                    options.NginxPrefix = prefix!;
                }

                break;

            case NetsecConfigFile.HstsMinimumMaxAgeKey:
                if (SettingValues.TryParseHstsMinimumMaxAge(value, key, out var seconds, out error))
                {
                    options.HstsMinimumMaxAge = seconds;
                }

                break;

            case NetsecConfigFile.AuthenticationPathPatternsKey:
                if (SettingValues.TryParseAuthenticationPathPatterns(value, key, out var patterns, out error))
                {
                    options.AuthenticationPathPatterns = patterns!;
                }

                break;

            default:
                if (SettingValues.TryParseSensitivePorts(value, key, out var ports, out error))
                {
                    options.SensitivePorts = ports!;
                }

                break;
        }

        return error;
    }
}
