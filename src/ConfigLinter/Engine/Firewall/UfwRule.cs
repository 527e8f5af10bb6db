using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Network;

namespace NetSecAnalyzers.ConfigLinter.Firewall;

/// <summary>One ufw rule, from a command or from a <c>### tuple ###</c> line of <c>user.rules</c>.</summary>
internal sealed class UfwRule
{
    private string? key;

    public UfwRule(string action, string description, SourceLocation location)
    {
        Action = action;
        Description = description;
        Location = location;
        ValueLocation = location;
    }

    /// <summary><c>allow</c>, <c>deny</c>, <c>reject</c> or <c>limit</c>.</summary>
    public string Action { get; }

    public string Description { get; }

    public SourceLocation Location { get; }

    /// <summary>The port, application profile or action token that findings point at.</summary>
    public SourceLocation ValueLocation { get; set; }

    public bool IsRoute { get; set; }

    /// <summary><c>in</c> or <c>out</c>.</summary>
    public string Direction { get; set; } = "in";

    public string? InInterface { get; set; }

    public string? OutInterface { get; set; }

    /// <summary>A protocol name, or null for <c>any</c>.</summary>
    public string? Protocol { get; set; }

    /// <summary>The source network, or null for any address.</summary>
    public string? From { get; set; }

    /// <summary>The destination address, or null for any address.</summary>
    public string? To { get; set; }

    public IReadOnlyList<PortRange>? FromPorts { get; set; }

    /// <summary>The destination ports; null for every port.</summary>
    public IReadOnlyList<PortRange>? ToPorts { get; set; }

    public string? FromApp { get; set; }

    public string? ToApp { get; set; }

    /// <summary>False when <see cref="ToApp"/> names a profile whose ports the linter does not know.</summary>
    public bool ToPortsKnown { get; set; } = true;

    /// <summary>
    /// What identifies the rule apart from its action, log level and comment: ufw updates a rule in place
    /// when a new command matches it in everything else, and deletes the rule that matches exactly.
    /// </summary>
    /// <remarks>Computed on first use, after the reader has set every field, because ufw compares each new rule with all earlier ones.</remarks>
    public string Key => key ??=
        string.Join("|", IsRoute ? "route" : "", Direction, InInterface, OutInterface, Protocol, From, Ports(FromPorts), FromApp, To, Ports(ToPorts), ToApp);

    private static string Ports(IReadOnlyList<PortRange>? ranges) => ranges is null ? "" : string.Join(",", ranges.Select(range => range.ToString()));

    /// <summary>Converts the rule for the checks; null for outgoing and routed rules, which do not filter traffic to the host.</summary>
    public FirewallRule? ToInboundRule()
    {
        if (IsRoute || Direction != "in")
        {
            return null;
        }

        var verdict = Action switch
        {
            "allow" => FirewallVerdict.Accept,
            "limit" => FirewallVerdict.Limit,
            _ => FirewallVerdict.Block,
        };
        return new FirewallRule(verdict, Description, Location, ValueLocation)
        {
            Ports = ToPorts,
            PortsKnown = ToPortsKnown,
            Protocol = Protocol,
            FromAnyAddress = UfwAddresses.IsAny(From),
            OnInterface = InInterface is not null,
            ToLoopback = UfwAddresses.IsLoopback(To),
            IsRateLimited = Action == "limit",
            IsUnconditional = ToPorts is null && ToPortsKnown && Protocol is null && From is null && To is null && FromPorts is null && InInterface is null,
        };
    }
}
