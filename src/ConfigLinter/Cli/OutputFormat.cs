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

    /// <summary>Returns the usual file name extension of a report in this format, without the dot.</summary>
    public static string FileExtension(this OutputFormat format) => format switch
    {
        OutputFormat.Json => "json",
        OutputFormat.Sarif => "sarif",
        _ => "txt",
    };
}
