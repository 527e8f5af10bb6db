using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Network;

namespace NetSecAnalyzers.ConfigLinter.Firewall;

internal enum IptablesOperation
{
    Append,
    Insert,
    Policy,
    Flush,
    NewChain,
    DeleteChain,

    /// <summary>A command that changes no chain the checks read: <c>-D</c>, <c>-L</c>, <c>-S</c>, <c>-Z</c>, <c>-R</c>.</summary>
    Other,
}

/// <summary>One <c>iptables</c> command, or one <c>-A</c> line of <c>iptables-save</c>, parsed.</summary>
internal sealed class IptablesCommand
{
    public IptablesOperation Operation { get; set; } = IptablesOperation.Other;

    public string Table { get; set; } = "filter";

    public string? Chain { get; set; }

    public int? Position { get; set; }

    /// <summary>The policy word of <c>-P CHAIN POLICY</c>.</summary>
    public ShellWord? PolicyWord { get; set; }

    public FirewallRule? Rule { get; set; }
}

/// <summary>The error iptables prints for a command it rejects, and the word it concerns.</summary>
internal sealed class IptablesSyntaxException : Exception
{
    public IptablesSyntaxException(string message, ShellWord word)
        : base(message)
    {
        Word = word;
    }

    public ShellWord Word { get; }
}

/// <summary>
/// Parses iptables' command-line options: the command (<c>-A</c>, <c>-I</c>, <c>-P</c>, <c>-F</c>, <c>-N</c>,
/// <c>-X</c>), the table, and the matches the checks read (<c>-p</c>, <c>-s</c>, <c>-d</c>, <c>-i</c>,
/// <c>--dport</c>, <c>multiport --dports</c>, <c>conntrack --ctstate</c>, <c>state --state</c>, <c>recent</c>,
/// <c>limit</c>, <c>hashlimit</c>, <c>connlimit</c>) and the target. Other options are skipped with their values.
/// </summary>
internal static class IptablesCommandParser
{
    private static readonly HashSet<string> RateLimitModules = new(StringComparer.Ordinal) { "recent", "limit", "hashlimit", "connlimit" };

    private static readonly HashSet<string> PortProtocols = new(StringComparer.Ordinal) { "tcp", "udp", "sctp", "dccp", "6", "17" };

    /// <param name="arguments">The words after the program name, or a whole <c>iptables-save</c> rule line.</param>
    /// <param name="description">The command as written, for messages.</param>
    public static IptablesCommand Parse(IReadOnlyList<ShellWord> arguments, string table, string description, SourceLocation location)
    {
        var command = new IptablesCommand { Table = table };
        var matches = new List<string>();
        var modules = new HashSet<string>(StringComparer.Ordinal);
        string? protocol = null;
        IReadOnlyList<PortRange>? ports = null;
        var portsKnown = true;
        ShellWord? portWord = null;
        ShellWord? targetWord = null;
        string? target = null;
        var fromAny = true;
        var onInterface = false;
        var toLoopback = false;
        var newConnections = true;
        var negate = false;

        for (var index = 0; index < arguments.Count; index++)
        {
            var word = arguments[index];
            var option = word.Text;
            if (option == "!")
            {
                negate = true;
                continue;
            }

            var negated = negate;
            negate = false;
            switch (option)
            {
                case "-t":
                case "--table":
                    command.Table = Value(arguments, ref index, word).Text;
                    break;
                case "-A":
                case "--append":
                    command.Operation = IptablesOperation.Append;
                    command.Chain = Value(arguments, ref index, word).Text;
                    break;
                case "-I":
                case "--insert":
                    command.Operation = IptablesOperation.Insert;
                    command.Chain = Value(arguments, ref index, word).Text;
                    if (index + 1 < arguments.Count && int.TryParse(arguments[index + 1].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
                    {
                        command.Position = position;
                        index++;
                    }

                    break;
                case "-P":
                case "--policy":
                    command.Operation = IptablesOperation.Policy;
                    command.Chain = Value(arguments, ref index, word).Text;
                    command.PolicyWord = Value(arguments, ref index, word);
                    break;
                case "-F":
                case "--flush":
                case "-X":
                case "--delete-chain":
                    command.Operation = option is "-F" or "--flush" ? IptablesOperation.Flush : IptablesOperation.DeleteChain;
                    command.Chain = OptionalValue(arguments, ref index);
                    break;
                case "-N":
                case "--new-chain":
                    command.Operation = IptablesOperation.NewChain;
                    command.Chain = Value(arguments, ref index, word).Text;
                    break;
                case "-D":
                case "--delete":
                case "-R":
                case "--replace":
                case "-L":
                case "--list":
                case "-S":
                case "--list-rules":
                case "-Z":
                case "--zero":
                case "-E":
                case "--rename-chain":
                    return command;
                case "-p":
                case "--protocol":
                    var protocolWord = Value(arguments, ref index, word);
                    protocol = negated ? null : protocolWord.Text.ToLowerInvariant();
                    if (protocol == "all")
                    {
                        protocol = null;
                    }

                    matches.Add(option);
                    break;
                case "-s":
                case "--source":
                case "--src":
                    var source = Value(arguments, ref index, word).Text;
                    fromAny = negated || source.Split(',').Any(part => UfwAddresses.IsAny(part));
                    matches.Add(option);
                    break;
                case "-d":
                case "--destination":
                case "--dst":
                    var destination = Value(arguments, ref index, word).Text;
                    toLoopback = !negated && UfwAddresses.IsLoopback(destination);
                    matches.Add(option);
                    break;
                case "-i":
                case "--in-interface":
                    Value(arguments, ref index, word);
                    onInterface = !negated;
                    matches.Add(option);
                    break;
                case "-m":
                case "--match":
                    var module = Value(arguments, ref index, word).Text;
                    modules.Add(module);
                    if (module != "comment")
                    {
                        matches.Add(option);
                    }

                    break;
                case "--dport":
                case "--destination-port":
                case "--dports":
                case "--destination-ports":
                case "--ports":
                    portWord = Value(arguments, ref index, word);
                    if (protocol is null || !PortProtocols.Contains(protocol))
                    {
                        throw new IptablesSyntaxException("unknown option \"" + option + "\": a port match needs -p tcp, -p udp, -p sctp or -p dccp", word);
                    }

                    if (negated)
                    {
                        portsKnown = false;
                    }
                    else
                    {
                        ports = ParsePorts(portWord);
                    }

                    matches.Add(option);
                    break;
                case "--ctstate":
                case "--state":
                    var states = Value(arguments, ref index, word).Text.Split(',');
                    newConnections = negated ? !states.Contains("NEW") : states.Contains("NEW") || states.Contains("UNTRACKED");
                    matches.Add(option);
                    break;
                case "-j":
                case "--jump":
                case "-g":
                case "--goto":
                    targetWord = Value(arguments, ref index, word);
                    target = targetWord.Text;
                    break;
                default:
                    if (!option.StartsWith("-", StringComparison.Ordinal) && !word.HasExpansion)
                    {
                        throw new IptablesSyntaxException("Bad argument '" + option + "'", word);
                    }

                    if (option.StartsWith("-", StringComparison.Ordinal) && !IsTargetOption(option))
                    {
                        matches.Add(option);
                    }

                    SkipValues(arguments, ref index);
                    break;
            }
        }

        if (command.Operation is IptablesOperation.Append or IptablesOperation.Insert)
        {
            var verdict = Verdict(target);
            var rule = new FirewallRule(verdict, description, location, portWord?.Location ?? targetWord?.Location ?? location)
            {
                Ports = ports,
                PortsKnown = portsKnown,
                Protocol = protocol,
                FromAnyAddress = fromAny,
                OnInterface = onInterface,
                ToLoopback = toLoopback,
                MatchesNewConnections = newConnections,
                IsRateLimited = modules.Overlaps(RateLimitModules),
                IsUnconditional = matches.Count == 0,
                JumpTarget = verdict == FirewallVerdict.Jump ? target : null,
            };
            command.Rule = rule;
        }

        return command;
    }

    /// <summary>Targets iptables and its extensions provide; any other target names a user-defined chain.</summary>
    private static readonly HashSet<string> ExtensionTargets = new(StringComparer.Ordinal)
    {
        "LOG", "NFLOG", "ULOG", "RETURN", "MARK", "CONNMARK", "NOTRACK", "CT", "TRACE", "AUDIT", "DNAT", "SNAT",
        "MASQUERADE", "REDIRECT", "TCPMSS", "TPROXY", "QUEUE", "NFQUEUE", "CLASSIFY", "DSCP", "TOS", "TTL", "HL",
        "SET", "CHECKSUM", "SECMARK", "CONNSECMARK", "LED", "IDLETIMER", "TEE",
    };

    private static FirewallVerdict Verdict(string? target) => target switch
    {
        "ACCEPT" => FirewallVerdict.Accept,
        "DROP" or "REJECT" => FirewallVerdict.Block,
        null => FirewallVerdict.Other,
        _ when ExtensionTargets.Contains(target) => FirewallVerdict.Other,
        _ => FirewallVerdict.Jump,
    };

    /// <summary>Options of targets such as LOG and REJECT, which do not narrow what a rule matches.</summary>
    private static bool IsTargetOption(string option) =>
        option.StartsWith("--log-", StringComparison.Ordinal)
        || option == "--reject-with"
        || option.StartsWith("--to-", StringComparison.Ordinal)
        || option.StartsWith("--set-", StringComparison.Ordinal)
        || option == "--comment";

    private static IReadOnlyList<PortRange> ParsePorts(ShellWord word)
    {
        var ranges = new List<PortRange>();
        foreach (var part in word.Text.Split(','))
        {
            if (PortRange.TryParse(part, allowDash: false, out var range))
            {
                ranges.Add(range);
            }
            else if (WellKnownPorts.TryGetService(part, out var port, out _))
            {
                ranges.Add(new PortRange(port, port));
            }
            else if (word.HasExpansion)
            {
                return Array.Empty<PortRange>();
            }
            else
            {
                throw new IptablesSyntaxException("invalid port/service '" + part + "' specified", word);
            }
        }

        return ranges;
    }

    private static ShellWord Value(IReadOnlyList<ShellWord> arguments, ref int index, ShellWord option)
    {
        if (index + 1 >= arguments.Count)
        {
            throw new IptablesSyntaxException("option \"" + option.Text + "\" requires an argument", option);
        }

        index++;
        return arguments[index];
    }

    private static string? OptionalValue(IReadOnlyList<ShellWord> arguments, ref int index)
    {
        if (index + 1 < arguments.Count && !arguments[index + 1].Text.StartsWith("-", StringComparison.Ordinal))
        {
            index++;
            return arguments[index].Text;
        }

        return null;
    }

    private static void SkipValues(IReadOnlyList<ShellWord> arguments, ref int index)
    {
        while (index + 1 < arguments.Count && arguments[index + 1].Text != "!" && !arguments[index + 1].Text.StartsWith("-", StringComparison.Ordinal))
        {
            index++;
        }
    }
}
