namespace NetSecAnalyzers.ConfigLinter.Firewall;

/// <summary>The codes of the read problems the ufw and iptables readers report as notifications.</summary>
public static class FirewallNotificationCodes
{
    /// <summary>A <c>ufw</c> command that ufw rejects, worded as ufw words it; the script's other commands are still checked.</summary>
    public const string UfwSyntax = "ufw-syntax";

    /// <summary>An <c>iptables</c> command or <c>iptables-save</c> line that iptables rejects.</summary>
    public const string IptablesSyntax = "iptables-syntax";

    /// <summary>A shell script whose quoting is unbalanced, so the shell stops reading it there.</summary>
    public const string ShellSyntax = "shell-syntax";

    /// <summary>A <c>### tuple ###</c> line or setting that ufw could not read back.</summary>
    public const string UfwRulesFile = "ufw-rules-file";
}
