using System.Collections.Generic;

namespace NetSecAnalyzers.ConfigLinter.Firewall.Rules;

/// <summary>Questions about the order of rules in a chain, where the first rule that decides wins.</summary>
internal static class FirewallChains
{
    public const string Tcp = "tcp";

    /// <summary>
    /// Returns whether a rule before <paramref name="index"/> blocks new connections from any address to
    /// <paramref name="port"/>, so that the rule at the index never sees them.
    /// </summary>
    public static bool BlockedBefore(FirewallChain chain, int index, int port, string protocol)
    {
        for (var earlier = 0; earlier < index; earlier++)
        {
            var rule = chain.Rules[earlier];
            if (rule.Verdict == FirewallVerdict.Block && rule.FromAnyAddress && !rule.OnInterface && rule.MatchesNewConnections && rule.Covers(port, protocol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns whether a chain, followed through unconditional jumps, ends every packet that reaches its
    /// end of rules with an unconditional DROP or REJECT.
    /// </summary>
    public static bool EndsInBlock(FirewallDocument document, FirewallChain chain) => EndsInBlock(document, chain, new HashSet<string>());

    /// <summary>Returns the first unconditional ACCEPT of a chain, which lets every packet in before the policy applies.</summary>
    public static FirewallRule? UnconditionalAccept(FirewallChain chain)
    {
        foreach (var rule in chain.Rules)
        {
            if (rule.IsUnconditional && rule.Verdict == FirewallVerdict.Accept)
            {
                return rule;
            }

            if (rule.IsUnconditional && rule.Verdict == FirewallVerdict.Block)
            {
                return null;
            }
        }

        return null;
    }

    private static bool EndsInBlock(FirewallDocument document, FirewallChain chain, HashSet<string> visited)
    {
        if (!visited.Add(chain.Name))
        {
            return false;
        }

        foreach (var rule in chain.Rules)
        {
            if (!rule.IsUnconditional)
            {
                continue;
            }

            switch (rule.Verdict)
            {
                case FirewallVerdict.Block:
                    return true;
                case FirewallVerdict.Accept:
                    return false;
                case FirewallVerdict.Jump when document.FindChain(rule.JumpTarget!) is { } target && EndsInBlock(document, target, visited):
                    return true;
            }
        }

        return false;
    }
}
