using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Firewall;

/// <summary>
/// Replays ufw commands the way ufw applies them: a rule that matches an existing one apart from its
/// action updates it in place, an identical rule is skipped, <c>insert N</c> places a rule, <c>delete</c>
/// removes the matching rule, <c>reset</c> removes every rule and switches ufw off, and the last
/// <c>default</c> and <c>enable</c>/<c>disable</c> win.
/// </summary>
internal sealed class UfwRuleList
{
    private readonly List<UfwRule> rules = new();

    public IReadOnlyList<UfwRule> Rules => rules;

    public IncomingDefault? IncomingPolicy { get; private set; }

    public IncomingDefault? Switch { get; private set; }

    public void Apply(UfwCommand command, string description)
    {
        switch (command.Kind)
        {
            case UfwCommandKind.AddRule:
                Add(command.Rule!, command.Position);
                break;
            case UfwCommandKind.DeleteRule:
                var key = command.Rule!.Key;
                var index = rules.FindIndex(rule => rule.Key == key && rule.Action == command.Rule.Action);
                if (index >= 0)
                {
                    rules.RemoveAt(index);
                }

                break;
            case UfwCommandKind.Default when command.PolicyDirection == "incoming":
                IncomingPolicy = new IncomingDefault(IncomingDefaultKind.UfwPolicy, command.Policy == "allow", description, command.Verb.Location);
                break;
            case UfwCommandKind.Enable:
                Switch = new IncomingDefault(IncomingDefaultKind.UfwSwitch, accepts: false, description, command.Verb.Location);
                break;
            case UfwCommandKind.Disable:
                Switch = new IncomingDefault(IncomingDefaultKind.UfwSwitch, accepts: true, description + ", which switches ufw off,", command.Verb.Location);
                break;
            case UfwCommandKind.Reset:
                rules.Clear();
                Switch = null;
                break;
        }
    }

    /// <summary>Adds a rule read from <c>user.rules</c>, where the file's order is the rule order.</summary>
    public void Append(UfwRule rule) => rules.Add(rule);

    private void Add(UfwRule rule, int? position)
    {
        var key = rule.Key;
        var existing = rules.FindIndex(candidate => candidate.Key == key);
        if (existing >= 0)
        {
            rules[existing] = rule;
            return;
        }

        if (position is int at && at <= rules.Count)
        {
            rules.Insert(at - 1, rule);
        }
        else
        {
            rules.Add(rule);
        }
    }

    /// <summary>Adds the rule list and the deciding defaults to <paramref name="document"/>.</summary>
    public void ExportTo(FirewallDocument document)
    {
        var chain = new FirewallChain("ufw", isInbound: true);
        chain.Rules.AddRange(rules.Select(rule => rule.ToInboundRule()).Where(rule => rule is not null)!);
        document.Chains.Add(chain);
        if (IncomingPolicy is not null)
        {
            document.Defaults.Add(IncomingPolicy);
        }

        if (Switch is not null)
        {
            document.Defaults.Add(Switch);
        }
    }
}
