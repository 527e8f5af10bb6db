using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Nginx;

namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>The formats the linter reads. A file goes to the first format in this list that recognises it.</summary>
public static class ConfigurationFormats
{
    public static IReadOnlyList<ConfigurationFormat> All { get; } = new[]
    {
        // The hint describes NginxRecognizer.IsNginxConfiguration and changes with it.
        new ConfigurationFormat(
            "nginx",
            NginxLinter.IsNginxConfiguration,
            NginxLinter.Lint,
            "by name (nginx.conf, *.nginx, *.conf.template, or *.conf in a folder named nginx, conf.d, sites-available"
                + " or sites-enabled) or by content (a *.conf or extensionless file whose first statements are typical of nginx,"
                + " or the output of nginx -T under any name)"),
    };
}
