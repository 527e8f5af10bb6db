using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Firewall.Rules;

/// <summary>
/// NETSEC050 in ufw and iptables: ufw switched off, an accepting ufw default for incoming traffic, and an
/// iptables <c>INPUT</c> chain that accepts what its rules do not match, either through an <c>ACCEPT</c>
/// policy without a final DROP or REJECT rule, or through an unconditional ACCEPT rule before a DROP policy.
/// </summary>
internal sealed class FirewallAllowsIncomingByDefaultRule : IFirewallRule
{
    public RuleDefinition Rule => RuleCatalog.FirewallAllowsIncomingByDefault;

    public void Analyze(FirewallDocument document, LintOptions options, DiagnosticBag diagnostics)
    {
        foreach (var setting in document.Defaults)
        {
            if (setting.Kind != IncomingDefaultKind.IptablesInputPolicy)
            {
                if (setting.Accepts)
                {
                    diagnostics.Report(new Finding(Rule, Rule.FormatMessage(setting.Description), setting.Location));
                }

                continue;
            }

            var chain = setting.Chain!;
            if (setting.Accepts && !FirewallChains.EndsInBlock(document, chain))
            {
                var message = Rule.FormatMessage(setting.Description + ", with no final DROP or REJECT rule in INPUT,");
                diagnostics.Report(new Finding(Rule, message, setting.Location));
            }
            else if (!setting.Accepts && FirewallChains.UnconditionalAccept(chain) is { } accept)
            {
                var message = Rule.FormatMessage(accept.Description + ", which matches every packet before the policy applies,");
                diagnostics.Report(new Finding(Rule, message, accept.ValueLocation));
            }
        }
    }
}
