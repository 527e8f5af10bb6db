using System;
using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Suppressions;
using NetSecAnalyzers.ConfigLinter.Network;

namespace NetSecAnalyzers.ConfigLinter.Firewall;

/// <summary>
/// Reads ufw's <c>user.rules</c> and <c>user6.rules</c> through their <c>### tuple ###</c> lines, the form
/// ufw itself reads back on start: <c>ACTION PROTO DPORT DST SPORT SRC [DAPP SAPP] DIRECTION [comment=HEX]</c>.
/// The iptables lines under each tuple are ufw's translation of it and are not read.
/// </summary>
internal static class UfwRulesFileReader
{
    private const string TupleMarker = "## tuple ###";

    public static FirewallDocument Read(string path, string text, DiagnosticBag diagnostics)
    {
        var document = new FirewallDocument(path);
        var (_, comments) = ShellScanner.Scan(path, text, (_, _) => { }, keepAllComments: true);
        var rules = new UfwRuleList();
        foreach (var comment in comments)
        {
            if (!comment.Text.StartsWith(TupleMarker, StringComparison.Ordinal))
            {
                if (comment.Text.IndexOf(ShellScanner.SuppressionMarker, StringComparison.Ordinal) >= 0)
                {
                    document.CommentList.Add(comment);
                }

                continue;
            }

            document.StatementList.Add(new LineRange(comment.Line, comment.Line));
            var rule = ReadTuple(comment, TupleMarker.Length, diagnostics);
            if (rule is not null)
            {
                rules.Append(rule);
            }
        }

        rules.ExportTo(document);
        return document;
    }

    private static UfwRule? ReadTuple(SourceComment comment, int start, DiagnosticBag diagnostics)
    {
        var fields = Fields(comment.Text, start);
        var tupleStart = fields.Count > 0 ? fields[0].Offset : start;
        if (fields.Count > 0 && fields[fields.Count - 1].Text.StartsWith("comment=", StringComparison.Ordinal))
        {
            fields.RemoveAt(fields.Count - 1);
        }

        var tupleEnd = fields.Count > 0 ? fields[fields.Count - 1].Offset + fields[fields.Count - 1].Text.Length : comment.Text.Length;
        var tupleText = comment.Text.Substring(tupleStart, tupleEnd - tupleStart);
        var location = comment.LocationOfText(tupleStart, tupleText.Length);

        if (fields.Count != 7 && fields.Count != 9)
        {
            diagnostics.Notify(new LintNotification(
                FirewallNotificationCodes.UfwRulesFile,
                NotificationLevel.Warning,
                "ufw cannot read the tuple '" + tupleText + "': expected ACTION PROTO DPORT DST SPORT SRC [DAPP SAPP] DIRECTION.",
                location));
            return null;
        }

        var action = fields[0].Text;
        var isRoute = action.StartsWith("route:", StringComparison.Ordinal);
        if (isRoute)
        {
            action = action.Substring("route:".Length);
        }

        var logSuffix = action.IndexOf('_');
        if (logSuffix >= 0)
        {
            action = action.Substring(0, logSuffix);
        }

        var rule = new UfwRule(action, "ufw rule '" + tupleText + "'", location)
        {
            IsRoute = isRoute,
            Protocol = fields[1].Text == "any" ? null : fields[1].Text,
            ValueLocation = comment.LocationOfText(fields[2].Offset, fields[2].Text.Length),
            To = AnyToNull(fields[3].Text),
            From = AnyToNull(fields[5].Text),
        };
        rule.ToPorts = Ports(fields[2].Text);
        rule.FromPorts = Ports(fields[4].Text);
        if (fields.Count == 9)
        {
            rule.ToApp = App(fields[6].Text);
            rule.FromApp = App(fields[7].Text);
            if (rule.ToApp is not null)
            {
                rule.ValueLocation = comment.LocationOfText(fields[6].Offset, fields[6].Text.Length);
            }
        }

        ReadDirection(rule, fields[fields.Count - 1].Text);
        return rule;
    }

    /// <summary>Reads <c>in</c>, <c>out_wg0</c> or a route's <c>in_eth1!out_eth0</c>.</summary>
    private static void ReadDirection(UfwRule rule, string text)
    {
        var first = true;
        foreach (var part in text.Split('!'))
        {
            var underscore = part.IndexOf('_');
            var direction = underscore < 0 ? part : part.Substring(0, underscore);
            var name = underscore < 0 ? null : part.Substring(underscore + 1);
            if (first)
            {
                rule.Direction = direction;
                first = false;
            }

            if (direction == "in")
            {
                rule.InInterface = name;
            }
            else
            {
                rule.OutInterface = name;
            }
        }
    }

    private static string? AnyToNull(string network) => UfwAddresses.IsAny(network) ? null : network;

    private static string? App(string text) => text == "-" ? null : Uri.UnescapeDataString(text);

    private static IReadOnlyList<PortRange>? Ports(string text)
    {
        if (text == "any")
        {
            return null;
        }

        var ranges = new List<PortRange>();
        foreach (var part in text.Split(','))
        {
            if (PortRange.TryParse(part, allowDash: false, out var range))
            {
                ranges.Add(range);
            }
        }

        return ranges;
    }

    private static List<(string Text, int Offset)> Fields(string text, int start)
    {
        var fields = new List<(string, int)>();
        var index = start;
        while (index < text.Length)
        {
            while (index < text.Length && char.IsWhiteSpace(text[index]))
            {
                index++;
            }

            var fieldStart = index;
            while (index < text.Length && !char.IsWhiteSpace(text[index]))
            {
                index++;
            }

            if (index > fieldStart)
            {
                fields.Add((text.Substring(fieldStart, index - fieldStart), fieldStart));
            }
        }

        return fields;
    }
}

/// <summary>
/// Reads <c>/etc/ufw/ufw.conf</c> (<c>ENABLED</c>) and <c>/etc/default/ufw</c> (<c>DEFAULT_INPUT_POLICY</c>),
/// shell-style <c>KEY=VALUE</c> files.
/// </summary>
internal static class UfwSettingsReader
{
    public static FirewallDocument Read(string path, string text, DiagnosticBag diagnostics)
    {
        var document = new FirewallDocument(path);
        var (commands, comments) = ShellScanner.Scan(path, text, (location, message) =>
            diagnostics.Notify(new LintNotification(FirewallNotificationCodes.UfwRulesFile, NotificationLevel.Warning, message, location)));
        document.CommentList.AddRange(comments);
        IncomingDefault? policy = null;
        IncomingDefault? enabled = null;
        foreach (var command in commands)
        {
            document.StatementList.Add(command.Lines);
            foreach (var word in command.Words)
            {
                var equals = word.Text.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }

                var key = word.Text.Substring(0, equals);
                var value = word.Text.Substring(equals + 1);
                var valueLocation = new SourceLocation(path, word.Location.StartLine, word.Location.StartColumn + equals + 1, word.Location.EndLine, word.Location.EndColumn);
                if (key == "ENABLED")
                {
                    var off = !string.Equals(value, "yes", StringComparison.OrdinalIgnoreCase);
                    enabled = new IncomingDefault(IncomingDefaultKind.UfwSwitch, off, "ENABLED=" + value + (off ? ", which switches ufw off," : string.Empty), valueLocation);
                }
                else if (key == "DEFAULT_INPUT_POLICY")
                {
                    policy = new IncomingDefault(IncomingDefaultKind.UfwPolicy, value == "ACCEPT", "DEFAULT_INPUT_POLICY=\"" + value + "\"", valueLocation);
                }
            }
        }

        document.Defaults.AddRange(new[] { policy, enabled }.Where(entry => entry is not null)!);
        return document;
    }
}
