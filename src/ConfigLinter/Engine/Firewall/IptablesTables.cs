using System;
using System.Collections.Generic;
using System.Linq;

namespace NetSecAnalyzers.ConfigLinter.Firewall;

/// <summary>
/// Replays iptables commands on the filter table of one address family: appends, inserts, flushes,
/// chain creation and deletion, and the <c>INPUT</c> policy. Other tables do not filter and are ignored.
/// </summary>
internal sealed class IptablesTables
{
    private static readonly string[] BuiltinChains = { "INPUT", "FORWARD", "OUTPUT" };

    private readonly string program;
    private readonly Dictionary<string, List<FirewallRule>> chains = new(StringComparer.Ordinal);
    private IncomingDefault? inputPolicy;

    /// <param name="program"><c>iptables</c> or <c>ip6tables</c>, for chain names in the exported document.</param>
    public IptablesTables(string program)
    {
        this.program = program;
    }

    public bool IsEmpty => inputPolicy is null && chains.Values.All(rules => rules.Count == 0);

    public void Apply(IptablesCommand command, string description)
    {
        if (command.Table != "filter")
        {
            return;
        }

        switch (command.Operation)
        {
            case IptablesOperation.Append:
                Chain(command.Chain!).Add(command.Rule!);
                break;
            case IptablesOperation.Insert:
                var rules = Chain(command.Chain!);
                var position = Math.Min(Math.Max((command.Position ?? 1) - 1, 0), rules.Count);
                rules.Insert(position, command.Rule!);
                break;
            case IptablesOperation.Policy when command.Chain == "INPUT":
                var policy = command.PolicyWord!.Text;
                inputPolicy = new IncomingDefault(IncomingDefaultKind.IptablesInputPolicy, policy == "ACCEPT", description, command.PolicyWord.Location);
                break;
            case IptablesOperation.Flush:
                foreach (var chain in chains.Where(entry => command.Chain is null || entry.Key == command.Chain))
                {
                    chain.Value.Clear();
                }

                break;
            case IptablesOperation.NewChain:
                Chain(command.Chain!);
                break;
            case IptablesOperation.DeleteChain:
                foreach (var name in chains.Keys.Where(name => (command.Chain is null || name == command.Chain) && !BuiltinChains.Contains(name)).ToList())
                {
                    chains.Remove(name);
                }

                break;
        }
    }

    /// <summary>Records the policy of <c>:INPUT ACCEPT [0:0]</c> in <c>iptables-save</c> output.</summary>
    public void SetInputPolicy(IncomingDefault policy) => inputPolicy = policy;

    public void DeclareChain(string name) => Chain(name);

    /// <summary>
    /// Adds the chains and the <c>INPUT</c> policy to <paramref name="document"/>. A chain filters inbound
    /// traffic when it is <c>INPUT</c>, when its name says so (ufw's <c>ufw-user-input</c> and the other
    /// chains of its rule files), or when an inbound chain jumps to it.
    /// </summary>
    public void ExportTo(FirewallDocument document)
    {
        var inbound = new HashSet<string>(chains.Keys.Where(name => name == "INPUT" || name.IndexOf("input", StringComparison.OrdinalIgnoreCase) >= 0), StringComparer.Ordinal);
        var pending = new Queue<string>(inbound);
        while (pending.Count > 0)
        {
            foreach (var rule in chains[pending.Dequeue()].Where(rule => rule.JumpTarget is not null))
            {
                if (chains.ContainsKey(rule.JumpTarget!) && inbound.Add(rule.JumpTarget!))
                {
                    pending.Enqueue(rule.JumpTarget!);
                }
            }
        }

        foreach (var entry in chains)
        {
            var chain = new FirewallChain(Qualify(entry.Key), inbound.Contains(entry.Key));
            foreach (var rule in entry.Value)
            {
                if (rule.JumpTarget is not null)
                {
                    rule.JumpTarget = Qualify(rule.JumpTarget);
                }

                chain.Rules.Add(rule);
            }

            document.Chains.Add(chain);
        }

        if (inputPolicy is not null)
        {
            inputPolicy.Chain = document.FindChain(Qualify("INPUT")) ?? new FirewallChain(Qualify("INPUT"), isInbound: true);
            document.Defaults.Add(inputPolicy);
        }
    }

    private string Qualify(string chain) => program + " " + chain;

    private List<FirewallRule> Chain(string name)
    {
        if (!chains.TryGetValue(name, out var rules))
        {
            rules = new List<FirewallRule>();
            chains[name] = rules;
        }

        return rules;
    }
}
