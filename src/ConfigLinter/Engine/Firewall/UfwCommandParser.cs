using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Sockets;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Network;

namespace NetSecAnalyzers.ConfigLinter.Firewall;

/// <summary>What one <c>ufw</c> command does to the firewall's state.</summary>
internal enum UfwCommandKind
{
    /// <summary>Adds a rule, or updates the rule it matches apart from the action.</summary>
    AddRule,

    /// <summary>Deletes the rule it names.</summary>
    DeleteRule,

    /// <summary><c>ufw default POLICY DIRECTION</c>.</summary>
    Default,

    Enable,

    Disable,

    /// <summary><c>ufw reset</c>: removes every rule and switches ufw off.</summary>
    Reset,

    /// <summary>A command that changes no rule or policy, such as <c>status</c> or <c>logging</c>.</summary>
    Other,
}

internal sealed class UfwCommand
{
    public UfwCommand(UfwCommandKind kind, ShellWord verb)
    {
        Kind = kind;
        Verb = verb;
    }

    public UfwCommandKind Kind { get; }

    /// <summary>The word that names the command; for a default, the policy word.</summary>
    public ShellWord Verb { get; }

    public UfwRule? Rule { get; set; }

    /// <summary>The 1-based position of <c>insert N</c> and <c>prepend</c>; null to append.</summary>
    public int? Position { get; set; }

    /// <summary>For <see cref="UfwCommandKind.Default"/>: <c>allow</c>, <c>deny</c> or <c>reject</c>.</summary>
    public string? Policy { get; set; }

    /// <summary>For <see cref="UfwCommandKind.Default"/>: <c>incoming</c>, <c>outgoing</c> or <c>routed</c>.</summary>
    public string? PolicyDirection { get; set; }
}

/// <summary>The error ufw prints for a command it rejects, and the word it concerns.</summary>
internal sealed class UfwSyntaxException : Exception
{
    public UfwSyntaxException(string message, ShellWord? word)
        : base(message)
    {
        Word = word;
    }

    public ShellWord? Word { get; }
}

/// <summary>
/// Parses the arguments of one <c>ufw</c> command with the grammar of ufw 0.36: the simple form
/// (<c>allow 22/tcp</c>, <c>allow OpenSSH</c>), the extended form (<c>allow in on eth0 proto tcp from
/// 10.0.0.0/8 port 1024:2048 to any port 22</c>), <c>route</c>, <c>insert N</c>, <c>prepend</c>,
/// <c>delete</c>, <c>default</c>, <c>enable</c>, <c>disable</c>, <c>reset</c> and comments. A command ufw
/// rejects raises a <see cref="UfwSyntaxException"/> with ufw's own error text.
/// </summary>
internal static class UfwCommandParser
{
    private static readonly HashSet<string> Actions = new(StringComparer.Ordinal) { "allow", "deny", "reject", "limit" };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "proto", "from", "to", "port", "app", "on", "in", "out", "log", "log-all", "comment",
    };

    /// <summary>Protocols ufw accepts after <c>proto</c>.</summary>
    private static readonly HashSet<string> Protocols = new(StringComparer.Ordinal)
    {
        "tcp", "udp", "ipv6", "esp", "ah", "igmp", "gre", "vrrp", "any",
    };

    private static readonly HashSet<string> OtherCommands = new(StringComparer.Ordinal)
    {
        "status", "reload", "version", "show", "logging", "app", "help", "--help", "--version",
    };

    /// <param name="arguments">The words after <c>ufw</c>.</param>
    /// <param name="description">The command as written, for messages.</param>
    /// <param name="location">The whole command, from <c>ufw</c> to its last word.</param>
    public static UfwCommand? Parse(IReadOnlyList<ShellWord> arguments, string description, SourceLocation location)
    {
        var index = 0;
        while (index < arguments.Count && (arguments[index].Text == "--force" || arguments[index].Text == "--dry-run"))
        {
            index++;
        }

        if (index >= arguments.Count)
        {
            return null;
        }

        var verb = arguments[index];
        var rest = arguments.Skip(index + 1).ToList();
        switch (verb.Text)
        {
            case "enable":
                return new UfwCommand(UfwCommandKind.Enable, verb);
            case "disable":
                return new UfwCommand(UfwCommandKind.Disable, verb);
            case "reset":
                return new UfwCommand(UfwCommandKind.Reset, verb);
            case "default":
                return ParseDefault(verb, rest);
            case "delete":
                if (rest.Count == 1 && rest[0].Text.All(char.IsDigit))
                {
                    // Deleting by number depends on the numbering of rules added before the script ran.
                    return new UfwCommand(UfwCommandKind.Other, verb);
                }

                return new UfwCommand(UfwCommandKind.DeleteRule, verb) { Rule = ParseRule(rest, verb, isRoute: false, description, location) };
            case "insert":
                return ParseInsert(verb, rest, isRoute: false, description, location);
            case "prepend":
                return new UfwCommand(UfwCommandKind.AddRule, verb) { Rule = ParseRule(rest, verb, isRoute: false, description, location), Position = 1 };
            case "route":
                return ParseRoute(verb, rest, description, location);
            default:
                if (Actions.Contains(verb.Text))
                {
                    return new UfwCommand(UfwCommandKind.AddRule, verb) { Rule = ParseRule(arguments.Skip(index).ToList(), verb, isRoute: false, description, location) };
                }

                if (OtherCommands.Contains(verb.Text) || verb.HasExpansion)
                {
                    return new UfwCommand(UfwCommandKind.Other, verb);
                }

                throw new UfwSyntaxException("Invalid syntax: unknown command '" + verb.Text + "'", verb);
        }
    }

    private static UfwCommand ParseDefault(ShellWord verb, List<ShellWord> rest)
    {
        if (rest.Count < 1 || rest.Count > 2)
        {
            throw new UfwSyntaxException("Invalid syntax: expected 'default allow|deny|reject [incoming|outgoing|routed]'", verb);
        }

        var policy = rest[0];
        if (policy.Text != "allow" && policy.Text != "deny" && policy.Text != "reject")
        {
            throw new UfwSyntaxException("Unsupported policy '" + policy.Text + "'", policy);
        }

        var direction = "incoming";
        if (rest.Count == 2)
        {
            direction = rest[1].Text switch
            {
                "incoming" or "input" => "incoming",
                "outgoing" or "output" => "outgoing",
                "routed" or "forward" => "routed",
                _ => throw new UfwSyntaxException("Unsupported direction '" + rest[1].Text + "'", rest[1]),
            };
        }

        return new UfwCommand(UfwCommandKind.Default, policy) { Policy = policy.Text, PolicyDirection = direction };
    }

    private static UfwCommand ParseInsert(ShellWord verb, List<ShellWord> rest, bool isRoute, string description, SourceLocation location)
    {
        if (rest.Count < 2)
        {
            throw new UfwSyntaxException("Wrong number of arguments", verb);
        }

        var number = rest[0];
        if (!int.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position < 1)
        {
            throw new UfwSyntaxException("Cannot insert rule at position '" + number.Text + "'", number);
        }

        return new UfwCommand(UfwCommandKind.AddRule, verb) { Rule = ParseRule(rest.Skip(1).ToList(), verb, isRoute, description, location), Position = position };
    }

    private static UfwCommand ParseRoute(ShellWord verb, List<ShellWord> rest, string description, SourceLocation location)
    {
        if (rest.Count > 0 && rest[0].Text == "delete")
        {
            if (rest.Count == 2 && rest[1].Text.All(char.IsDigit))
            {
                throw new UfwSyntaxException("'route delete NUM' unsupported. Use 'delete NUM' instead.", rest[1]);
            }

            return new UfwCommand(UfwCommandKind.DeleteRule, verb) { Rule = ParseRule(rest.Skip(1).ToList(), verb, isRoute: true, description, location) };
        }

        if (rest.Count > 0 && rest[0].Text == "insert")
        {
            return ParseInsert(rest[0], rest.Skip(1).ToList(), isRoute: true, description, location);
        }

        return new UfwCommand(UfwCommandKind.AddRule, verb) { Rule = ParseRule(rest, verb, isRoute: true, description, location) };
    }

    private static UfwRule ParseRule(List<ShellWord> words, ShellWord anchor, bool isRoute, string description, SourceLocation location)
    {
        if (words.Count == 0 || !Actions.Contains(words[0].Text))
        {
            throw new UfwSyntaxException("Invalid syntax: expected allow, deny, reject or limit", words.Count == 0 ? anchor : words[0]);
        }

        var action = words[0];
        var rule = new UfwRule(action.Text, description, location) { IsRoute = isRoute, ValueLocation = action.Location };
        var rest = words.Skip(1).ToList();
        TakeComment(rest, action);

        var index = 0;
        var directionWithoutInterface = false;
        var directionSeen = false;
        while (index < rest.Count && (rest[index].Text == "in" || rest[index].Text == "out"))
        {
            var direction = rest[index].Text;
            index++;
            if (!directionSeen)
            {
                rule.Direction = direction;
                directionSeen = true;
            }
            else if (!isRoute)
            {
                throw new UfwSyntaxException("Invalid syntax: only a route rule takes both 'in' and 'out'", rest[index - 1]);
            }

            if (index + 1 < rest.Count && rest[index].Text == "on")
            {
                var name = rest[index + 1];
                if (direction == "in")
                {
                    rule.InInterface = name.Text;
                }
                else
                {
                    rule.OutInterface = name.Text;
                }

                index += 2;
            }
            else
            {
                directionWithoutInterface = true;
            }
        }

        if (isRoute && directionWithoutInterface)
        {
            throw new UfwSyntaxException("Invalid interface clause for route rule", action);
        }

        if (index < rest.Count && (rest[index].Text == "log" || rest[index].Text == "log-all"))
        {
            index++;
        }

        var remaining = rest.Skip(index).ToList();
        if (remaining.Count == 0 && (rule.InInterface is not null || rule.OutInterface is not null))
        {
            // "route allow in on wg0 out on eth0" matches all traffic between the two interfaces.
            return rule;
        }

        if (remaining.Count == 0)
        {
            throw new UfwSyntaxException("Wrong number of arguments", action);
        }

        if (remaining.Count == 1 && !Keywords.Contains(remaining[0].Text))
        {
            ParseSimpleTarget(rule, remaining[0]);
        }
        else
        {
            ParseExtended(rule, remaining);
        }

        return rule;
    }

    /// <summary>Removes <c>comment TEXT</c>, which ufw takes from anywhere in a rule.</summary>
    private static void TakeComment(List<ShellWord> words, ShellWord action)
    {
        var index = words.FindIndex(word => word.Text == "comment");
        if (index < 0)
        {
            return;
        }

        if (index + 1 >= words.Count)
        {
            throw new UfwSyntaxException("Wrong number of arguments: 'comment' needs a text", words[index]);
        }

        if (words[index + 1].Text.IndexOf('\'') >= 0)
        {
            throw new UfwSyntaxException("Comment may not contain \"'\"", words[index + 1]);
        }

        words.RemoveRange(index, 2);
    }

    /// <summary>The simple form: a port specification such as <c>22</c>, <c>80,443/tcp</c> or <c>ssh</c>, or an application profile.</summary>
    private static void ParseSimpleTarget(UfwRule rule, ShellWord target)
    {
        rule.ValueLocation = target.Location;
        var text = target.Text;
        var slash = text.LastIndexOf('/');
        string? protocol = null;
        var ports = text;
        if (slash >= 0)
        {
            protocol = text.Substring(slash + 1);
            ports = text.Substring(0, slash);
            if (protocol != "tcp" && protocol != "udp")
            {
                throw new UfwSyntaxException("Bad port", target);
            }
        }

        var looksNumeric = ports.Length > 0 && (char.IsDigit(ports[0]) || ports.IndexOf(',') >= 0 || ports.IndexOf(':') >= 0);
        if (!looksNumeric && slash < 0 && !WellKnownPorts.TryGetService(ports, out _, out _))
        {
            SetApp(rule, target, toSide: true);
            return;
        }

        rule.ToPorts = ParsePortList(ports, target, protocol, out var serviceProtocol);
        rule.Protocol = protocol ?? serviceProtocol;
    }

    private static void ParseExtended(UfwRule rule, List<ShellWord> words)
    {
        var fromSeen = false;
        var toSeen = false;
        string? lastEnd = null;
        ShellWord? toPortWord = null;
        ShellWord? fromPortWord = null;
        for (var index = 0; index < words.Count; index += 2)
        {
            var keyword = words[index];
            if (!Keywords.Contains(keyword.Text) || index + 1 >= words.Count)
            {
                throw new UfwSyntaxException("Wrong number of arguments", keyword);
            }

            var value = words[index + 1];
            switch (keyword.Text)
            {
                case "proto":
                    if (!Protocols.Contains(value.Text))
                    {
                        throw new UfwSyntaxException("Unsupported protocol '" + value.Text + "'", value);
                    }

                    rule.Protocol = value.Text == "any" ? null : value.Text;
                    break;
                case "from":
                    rule.From = ParseAddress(value, "Bad source address");
                    fromSeen = true;
                    lastEnd = "from";
                    break;
                case "to":
                    rule.To = ParseAddress(value, "Bad destination address");
                    toSeen = true;
                    lastEnd = "to";
                    break;
                case "port":
                case "app":
                    if (lastEnd is null)
                    {
                        throw new UfwSyntaxException("Invalid syntax: '" + keyword.Text + "' must follow 'from' or 'to'", keyword);
                    }

                    if (keyword.Text == "app")
                    {
                        SetApp(rule, value, lastEnd == "to");
                    }
                    else if (lastEnd == "to")
                    {
                        toPortWord = value;
                    }
                    else
                    {
                        fromPortWord = value;
                    }

                    break;
                default:
                    throw new UfwSyntaxException("Wrong number of arguments", keyword);
            }
        }

        if (!fromSeen && !toSeen)
        {
            throw new UfwSyntaxException("Invalid syntax: expected 'from' or 'to'", words[0]);
        }

        if (toPortWord is not null)
        {
            rule.ToPorts = ParsePortList(toPortWord.Text, toPortWord, rule.Protocol, out var serviceProtocol);
            rule.Protocol ??= serviceProtocol;
            rule.ValueLocation = toPortWord.Location;
        }

        if (fromPortWord is not null)
        {
            rule.FromPorts = ParsePortList(fromPortWord.Text, fromPortWord, rule.Protocol, out _);
        }

        if ((toPortWord is not null || fromPortWord is not null) && rule.Protocol is not null && rule.Protocol != "tcp" && rule.Protocol != "udp")
        {
            throw new UfwSyntaxException("Invalid port with protocol '" + rule.Protocol + "'", toPortWord ?? fromPortWord);
        }

        if (rule.From is not null && rule.To is not null && Family(rule.From) != Family(rule.To)
            && Family(rule.From) != AddressFamily.Unspecified && Family(rule.To) != AddressFamily.Unspecified)
        {
            throw new UfwSyntaxException("Mixed IP versions for 'from' and 'to'", words[0]);
        }
    }

    private static AddressFamily Family(string network) =>
        UfwAddresses.TryParse(network, out _, out var family) ? family : AddressFamily.Unspecified;

    private static string? ParseAddress(ShellWord word, string error)
    {
        if (word.Text == "any")
        {
            return null;
        }

        if (word.HasExpansion || UfwAddresses.TryParse(word.Text, out _, out _))
        {
            return word.Text;
        }

        throw new UfwSyntaxException(error + " '" + word.Text + "'", word);
    }

    private static void SetApp(UfwRule rule, ShellWord word, bool toSide)
    {
        if (!toSide)
        {
            rule.FromApp = word.Text;
            return;
        }

        rule.ToApp = word.Text;
        rule.ValueLocation = word.Location;
        if (WellKnownPorts.TryGetProfile(word.Text, out var ports, out var protocol))
        {
            rule.ToPorts = ports;
            rule.Protocol ??= protocol;
        }
        else
        {
            rule.ToPorts = Array.Empty<PortRange>();
            rule.ToPortsKnown = false;
        }
    }

    /// <summary>
    /// Parses <c>22</c>, <c>ssh</c>, <c>80,443</c> or <c>6000:6007</c>. ufw takes several ports or a range only
    /// with <c>tcp</c> or <c>udp</c>, and a service name only alone.
    /// </summary>
    private static IReadOnlyList<PortRange> ParsePortList(string text, ShellWord word, string? protocol, out string? serviceProtocol)
    {
        serviceProtocol = null;
        if (word.HasExpansion)
        {
            throw new UfwSyntaxException("Bad port: '" + text + "' is known only when the script runs", word);
        }

        var parts = text.Split(',');
        var multiple = parts.Length > 1 || text.IndexOf(':') >= 0;
        if (multiple && parts.Any(part => part.Length == 0 || !char.IsDigit(part[0])))
        {
            throw new UfwSyntaxException("Port ranges must be numeric", word);
        }

        if (multiple && protocol != "tcp" && protocol != "udp")
        {
            throw new UfwSyntaxException("Must specify 'tcp' or 'udp' with multiple ports", word);
        }

        if (parts.Length > 15)
        {
            throw new UfwSyntaxException("Invalid port: a rule may list at most 15 ports", word);
        }

        var ranges = new List<PortRange>();
        foreach (var part in parts)
        {
            if (PortRange.TryParse(part, allowDash: false, out var range))
            {
                ranges.Add(range);
            }
            else if (!multiple && WellKnownPorts.TryGetService(part, out var port, out var servicesProtocol))
            {
                ranges.Add(new PortRange(port, port));
                serviceProtocol = servicesProtocol;
            }
            else
            {
                throw new UfwSyntaxException("Bad port", word);
            }
        }

        return ranges;
    }
}
