using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Firewall.Rules;

/// <summary>A catalogue rule checked in ufw and iptables files, one document at a time.</summary>
internal interface IFirewallRule
{
    RuleDefinition Rule { get; }

    void Analyze(FirewallDocument document, LintOptions options, DiagnosticBag diagnostics);
}
