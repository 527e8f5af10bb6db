using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Firewall;
using NetSecAnalyzers.ConfigLinter.Compose;
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
            NginxRecognizer.RecognizeFromPrefix,
            NginxLinter.Lint,
            "by name (nginx.conf, *.nginx, *.conf.template, or *.conf in a folder named nginx, conf.d, sites-available"
                + " or sites-enabled that does not start with <) or by content (a *.conf or extensionless file whose first statements are typical of nginx,"
                + " or the output of nginx -T under any name)"),

        // The hint describes FirewallRecognizer.KindOf and changes with it.
        new ConfigurationFormat(
            "host firewall",
            FirewallLinter.IsFirewallFile,
            FirewallLinter.Lint,
            "by name (user.rules, user6.rules, ufw.conf, default/ufw, rules.v4, rules.v6, *.rules in a folder named ufw)"
                + " or by content (*.rules in iptables-save format; *.sh, *.bash or extensionless shell scripts that run ufw, iptables or ip6tables)"),
        // Last, after the host firewall formats: the compose port rules read what those recorded. The hint
        // describes ComposeRecognizer.IsComposeFile and changes with it.
        new ConfigurationFormat(
            "compose",
            ComposeLinter.IsComposeFile,
            ComposeLinter.Lint,
            "by name (compose.yaml, docker-compose.yml, *.compose.yaml, docker-compose.*.yml and their .yml/.yaml twins)"
                + " or by content (a *.yaml or *.yml file with a top-level services: key)"),
    };
}
