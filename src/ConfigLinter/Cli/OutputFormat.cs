using NetSecAnalyzers.ConfigLinter.Output;

namespace NetSecAnalyzers.Cli;

/// <summary>The report formats of <c>netsec lint</c>.</summary>
internal enum OutputFormat
{
    Text,
    Json,
    Sarif,
}

internal static class OutputFormatExtensions
{
    public static ILintFormatter CreateFormatter(this OutputFormat format) => format switch
    {
        OutputFormat.Json => new JsonFormatter(),
        OutputFormat.Sarif => new SarifFormatter(),
        _ => new TextFormatter(),
    };
}
