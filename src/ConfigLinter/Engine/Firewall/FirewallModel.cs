using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Suppressions;
using NetSecAnalyzers.ConfigLinter.Network;

namespace NetSecAnalyzers.ConfigLinter.Firewall;

/// <summary>What a matching packet meets: the verdict of a ufw rule or an iptables target.</summary>
internal enum FirewallVerdict
{
    /// <summary>Accepted (ufw <c>allow</c>, iptables <c>ACCEPT</c>).</summary>
    Accept,

    /// <summary>Accepted unless the source exceeds a rate (ufw <c>limit</c>).</summary>
    Limit,

    /// <summary>Dropped or rejected (ufw <c>deny</c> and <c>reject</c>, iptables <c>DROP</c> and <c>REJECT</c>).</summary>
    Block,

    /// <summary>Passed to another iptables chain, whose name is the rule's target.</summary>
    Jump,

    /// <summary>Anything else: <c>LOG</c>, <c>RETURN</c>, marks, or a rule that only counts or records.</summary>
    Other,
}

/// <summary>One filtering rule read from ufw or iptables, reduced to what the firewall rules judge.</summary>
internal sealed class FirewallRule
{
    public FirewallRule(FirewallVerdict verdict, string description, SourceLocation location, SourceLocation valueLocation)
    {
        Verdict = verdict;
        Description = description;
        Location = location;
        ValueLocation = valueLocation;
    }

    public FirewallVerdict Verdict { get; }

    /// <summary>The rule as the operator wrote it, such as <c>ufw allow 5432/tcp</c>.</summary>
    public string Description { get; }

    /// <summary>The whole rule.</summary>
    public SourceLocation Location { get; }

    /// <summary>The narrowest token that shows what the rule opens: its port, application profile or verdict.</summary>
    public SourceLocation ValueLocation { get; }

    /// <summary>The destination ports; null when the rule matches every port.</summary>
    public IReadOnlyList<PortRange>? Ports { get; set; }

    /// <summary>False when the rule names ports that the linter cannot resolve (an unknown application profile, a negated port).</summary>
    public bool PortsKnown { get; set; } = true;

    /// <summary><c>tcp</c>, <c>udp</c>, another protocol name, or null for every protocol.</summary>
    public string? Protocol { get; set; }

    /// <summary>Whether any source address matches (no source, <c>any</c>, <c>0.0.0.0/0</c>, <c>::/0</c>, or a negated source).</summary>
    public bool FromAnyAddress { get; set; } = true;

    /// <summary>Whether the rule matches only packets that arrive on one named interface.</summary>
    public bool OnInterface { get; set; }

    /// <summary>Whether the rule matches only packets addressed to the loopback network.</summary>
    public bool ToLoopback { get; set; }

    /// <summary>Whether the rule matches new connections; false for a <c>--ctstate ESTABLISHED,RELATED</c> rule.</summary>
    public bool MatchesNewConnections { get; set; } = true;

    /// <summary>Whether the rule carries its own rate-limiting match (<c>recent</c>, <c>limit</c>, <c>hashlimit</c>, <c>connlimit</c>).</summary>
    public bool IsRateLimited { get; set; }

    /// <summary>Whether the rule has no match at all, so it applies to every packet that reaches it.</summary>
    public bool IsUnconditional { get; set; }

    /// <summary>The iptables chain a <see cref="FirewallVerdict.Jump"/> rule passes packets to.</summary>
    public string? JumpTarget { get; set; }

    /// <summary>Returns whether the rule's destination ports include <paramref name="port"/> for <paramref name="protocol"/>.</summary>
    public bool Covers(int port, string protocol) =>
        PortsKnown
        && PortRange.AnyContains(Ports, port)
        && (Protocol is null || Protocol == protocol);

    public override string ToString() => Description;
}

/// <summary>An ordered list of rules that packets meet one after another until one decides: a ufw rule list or an iptables chain.</summary>
internal sealed class FirewallChain
{
    public FirewallChain(string name, bool isInbound)
    {
        Name = name;
        IsInbound = isInbound;
    }

    /// <summary>The iptables chain name, or <c>ufw</c> for ufw's user rules.</summary>
    public string Name { get; }

    /// <summary>Whether the chain filters traffic addressed to the host itself.</summary>
    public bool IsInbound { get; set; }

    public List<FirewallRule> Rules { get; } = new();
}

/// <summary>Which statement sets how a firewall treats incoming traffic that no rule matches.</summary>
internal enum IncomingDefaultKind
{
    /// <summary><c>ufw default … incoming</c> or <c>DEFAULT_INPUT_POLICY</c>.</summary>
    UfwPolicy,

    /// <summary><c>ufw enable</c>, <c>ufw disable</c> or <c>ENABLED</c> in <c>ufw.conf</c>.</summary>
    UfwSwitch,

    /// <summary>The policy of iptables' <c>INPUT</c> chain.</summary>
    IptablesInputPolicy,
}

/// <summary>The statement that, after the whole file is read, decides the incoming default.</summary>
internal sealed class IncomingDefault
{
    public IncomingDefault(IncomingDefaultKind kind, bool accepts, string description, SourceLocation location)
    {
        Kind = kind;
        Accepts = accepts;
        Description = description;
        Location = location;
    }

    public IncomingDefaultKind Kind { get; }

    /// <summary>Whether the statement lets unmatched traffic in: an accepting policy, or ufw switched off.</summary>
    public bool Accepts { get; }

    public string Description { get; }

    /// <summary>The policy or switch value.</summary>
    public SourceLocation Location { get; }

    /// <summary>For an iptables policy, the <c>INPUT</c> chain it belongs to.</summary>
    public FirewallChain? Chain { get; set; }
}

/// <summary>One host firewall file read: its rules and defaults in their final state, and its suppression comments.</summary>
internal sealed class FirewallDocument
{
    public FirewallDocument(string filePath)
    {
        FilePath = filePath;
    }

    public string FilePath { get; }

    /// <summary>The ufw rule lists and iptables chains, each in the order packets meet its rules.</summary>
    public List<FirewallChain> Chains { get; } = new();

    public List<IncomingDefault> Defaults { get; } = new();

    public List<SourceComment> CommentList { get; } = new();

    public List<LineRange> StatementList { get; } = new();

    public IReadOnlyList<SourceComment> Comments => CommentList;

    public IReadOnlyList<LineRange> Statements => StatementList;

    public FirewallChain? FindChain(string name) => Chains.Find(chain => chain.Name == name);
}
