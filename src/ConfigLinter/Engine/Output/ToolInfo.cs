using System.Reflection;

namespace NetSecAnalyzers.ConfigLinter.Output;

/// <summary>How the linter names itself in machine-readable output.</summary>
public static class ToolInfo
{
    /// <summary>
    /// The tool name in JSON and SARIF output. It is the command's name rather than the product's, so that
    /// code scanning keeps the linter's alerts apart from those the C# analyzers report through the compiler.
    /// </summary>
    public const string Name = "netsec";

    public const string FullName = "NetSecAnalyzers configuration linter";

    public const string InformationUri = "https://github.com/netsecanalyzers/netsecanalyzers";

    /// <summary>The product version, from the engine assembly's informational version (such as <c>0.1.0</c>).</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var assembly = typeof(ToolInfo).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return string.IsNullOrEmpty(informational)
            ? assembly.GetName().Version?.ToString(3) ?? "0.0.0"
            : informational!;
    }
}
