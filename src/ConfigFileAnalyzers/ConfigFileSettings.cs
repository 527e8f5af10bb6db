using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using NetSecAnalyzers.ConfigLinter;
using NetSecAnalyzers.ConfigLinter.Configuration;

namespace NetSecAnalyzers.ConfigFiles;

/// <summary>
/// The lint settings of one additional file, read from the <c>.editorconfig</c> sections that match it
/// and from global config files.
/// </summary>
internal sealed class ConfigFileSettings
{
    private ConfigFileSettings(LintOptions options, string key)
    {
        Options = options;
        Key = key;
    }

    public LintOptions Options { get; }

    /// <summary>The raw values of every setting key, equal for files whose settings are equal.</summary>
    public string Key { get; }

    /// <remarks>
    /// An invalid value keeps the default. The analyzer has no rule ID to report it with, so the
    /// <c>netsec</c> tool, which reads the same keys, is where such a value is reported.
    /// </remarks>
    public static ConfigFileSettings Read(AnalyzerConfigOptions fileOptions)
    {
        string? Lookup(string key) => fileOptions.TryGetValue(key, out var value) ? value : null;

        // Analyzers must not start threads of their own: the compiler already runs them in parallel.
        var options = new LintOptions { MaxDegreeOfParallelism = 1 };
        EditorConfigSettings.Apply(Lookup, options);
        var key = string.Join("\n", EditorConfigSettings.Keys.Select(name => name + "=" + Lookup(name)));
        return new ConfigFileSettings(options, key);
    }
}
