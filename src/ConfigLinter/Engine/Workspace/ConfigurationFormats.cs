using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Nginx;

namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>The formats the linter reads. A file goes to the first format in this list that recognises it.</summary>
public static class ConfigurationFormats
{
    public static IReadOnlyList<ConfigurationFormat> All { get; } = new[]
    {
        new ConfigurationFormat("nginx", NginxLinter.IsNginxConfiguration, NginxLinter.Lint),
    };
}
