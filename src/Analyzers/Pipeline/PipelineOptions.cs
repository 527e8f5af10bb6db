using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetSecAnalyzers.Analyzers.Pipeline;

/// <summary>The <c>.editorconfig</c> settings of the pipeline rules, read for the file that contains the pipeline's root.</summary>
internal sealed class PipelineOptions
{
    /// <summary>True when a reverse proxy in front of the app terminates TLS and redirects and sends HSTS itself (NETSEC030, NETSEC032).</summary>
    public const string TlsTerminatedUpstreamKey = "netsec.tls_terminated_upstream";

    /// <summary>True limits NETSEC032 to apps that serve pages or files to browsers.</summary>
    public const string HstsBrowserAppsOnlyKey = "netsec.hsts_browser_apps_only";

    /// <summary>The minimum HSTS max-age in seconds (NETSEC033); the config linter reads the same key.</summary>
    public const string HstsMinimumMaxAgeKey = "netsec.hsts_min_max_age";

    public const long DefaultHstsMinimumMaxAge = 31_536_000;

    private PipelineOptions(bool tlsTerminatedUpstream, bool hstsBrowserAppsOnly, long hstsMinimumMaxAge)
    {
        TlsTerminatedUpstream = tlsTerminatedUpstream;
        HstsBrowserAppsOnly = hstsBrowserAppsOnly;
        HstsMinimumMaxAge = hstsMinimumMaxAge;
    }

    public bool TlsTerminatedUpstream { get; }

    public bool HstsBrowserAppsOnly { get; }

    /// <summary>The minimum max-age in seconds. An invalid or non-positive value falls back to the default of one year.</summary>
    public long HstsMinimumMaxAge { get; }

    public static PipelineOptions Read(AnalyzerOptions options, SyntaxTree tree)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        var fileOptions = provider.GetOptions(tree);
        return new PipelineOptions(
            IsTrue(fileOptions, provider.GlobalOptions, TlsTerminatedUpstreamKey),
            IsTrue(fileOptions, provider.GlobalOptions, HstsBrowserAppsOnlyKey),
            ReadSeconds(fileOptions, provider.GlobalOptions, HstsMinimumMaxAgeKey));
    }

    private static bool IsTrue(AnalyzerConfigOptions file, AnalyzerConfigOptions global, string key) =>
        TryGet(file, global, key, out var text) && bool.TryParse(text.Trim(), out var value) && value;

    private static long ReadSeconds(AnalyzerConfigOptions file, AnalyzerConfigOptions global, string key) =>
        TryGet(file, global, key, out var text) && long.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : DefaultHstsMinimumMaxAge;

    private static bool TryGet(AnalyzerConfigOptions file, AnalyzerConfigOptions global, string key, out string text)
    {
        if (file.TryGetValue(key, out var value) || global.TryGetValue(key, out value))
        {
            text = value;
            return true;
        }

        text = string.Empty;
        return false;
    }
}
