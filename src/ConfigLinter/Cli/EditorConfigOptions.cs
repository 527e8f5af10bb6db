using System;
using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.ConfigLinter;
using NetSecAnalyzers.ConfigLinter.Configuration;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.Cli;

/// <summary>
/// Builds each linted file's settings from the <c>netsec.*</c> keys of the <c>.editorconfig</c> sections
/// that match it, then the tool's own settings on top. Files with equal <c>.editorconfig</c> values share
/// one <see cref="LintOptions"/> instance, so the engine lints them together.
/// </summary>
internal sealed class EditorConfigOptions
{
    private readonly Action<LintOptions> applyOverrides;
    private readonly Dictionary<string, LintOptions> optionsByValues = new(StringComparer.Ordinal);
    private readonly Dictionary<SourceLocation, LintNotification> invalidValues = new();

    /// <param name="applyOverrides">Applies the settings that win over <c>.editorconfig</c>: <c>.netsec.ini</c> and command-line options.</param>
    public EditorConfigOptions(Action<LintOptions> applyOverrides) => this.applyOverrides = applyOverrides;

    public EditorConfigLookup Lookup { get; } = new();

    /// <summary>Invalid <c>netsec.*</c> values, once per <c>.editorconfig</c> line, and unreadable files.</summary>
    public IEnumerable<LintNotification> Notifications => Lookup.Notifications.Concat(invalidValues.Values);

    public LintOptions OptionsFor(string filePath)
    {
        var properties = Lookup.GetProperties(filePath);
        string? Value(string key) => properties.TryGetValue(key, out var property) ? property.Value : null;

        var values = string.Join("\n", EditorConfigSettings.Keys.Select(key => key + "=" + Value(key)));
        if (optionsByValues.TryGetValue(values, out var cached))
        {
            return cached;
        }

        var options = new LintOptions();
        foreach (var error in EditorConfigSettings.Apply(Value, options))
        {
            var location = properties[error.Key].Location;
            invalidValues[location] = new LintNotification(ConfigNotificationCodes.InvalidValue, NotificationLevel.Error, error.Value, location);
        }

        applyOverrides(options);
        optionsByValues[values] = options;
        return options;
    }
}
