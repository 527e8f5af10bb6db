using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Suppressions;

namespace NetSecAnalyzers.ConfigLinter.Firewall;

/// <summary>Reads shell scripts of <c>ufw</c>, <c>iptables</c> and <c>ip6tables</c> commands; other commands are ignored.</summary>
internal static class FirewallScriptReader
{
    /// <summary>Words that may come before the command name without changing which program runs.</summary>
    private static readonly HashSet<string> CommandPrefixes = new(StringComparer.Ordinal)
    {
        "then", "do", "else", "if", "elif", "while", "until", "!", "{", "time", "command", "exec", "nohup", "env",
    };

    public static FirewallDocument Read(string path, string text, DiagnosticBag diagnostics)
    {
        var document = new FirewallDocument(path);
        var (commands, comments) = ShellScanner.Scan(path, text, (location, message) =>
            diagnostics.Notify(new LintNotification(FirewallNotificationCodes.ShellSyntax, NotificationLevel.Warning, message, location)));
        document.CommentList.AddRange(comments);

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var ufw = new UfwRuleList();
        var ipv4 = new IptablesTables("iptables");
        var ipv6 = new IptablesTables("ip6tables");
        var sawUfw = false;
        foreach (var command in commands)
        {
            var words = WithoutPrefixes(command.Words, variables);
            if (words.Count == 0)
            {
                continue;
            }

            var program = ProgramName(words[0], variables);
            var arguments = words.Skip(1).ToList();
            var description = program + (arguments.Count == 0 ? string.Empty : " " + string.Join(" ", arguments.Select(Quote)));
            var location = Span(words[0].Location, words[words.Count - 1].Location);
            switch (program)
            {
                case "ufw":
                    sawUfw = true;
                    document.StatementList.Add(command.Lines);
                    ApplyUfw(ufw, arguments, description, location, diagnostics);
                    break;
                case "iptables" or "iptables-legacy" or "iptables-nft":
                    document.StatementList.Add(command.Lines);
                    ApplyIptables(ipv4, arguments, description, location, diagnostics);
                    break;
                case "ip6tables" or "ip6tables-legacy" or "ip6tables-nft":
                    document.StatementList.Add(command.Lines);
                    ApplyIptables(ipv6, arguments, description, location, diagnostics);
                    break;
            }
        }

        if (sawUfw)
        {
            ufw.ExportTo(document);
        }

        ipv4.ExportTo(document);
        ipv6.ExportTo(document);
        return document;
    }

    /// <summary>Returns whether the start of a script runs <c>ufw</c> or <c>iptables</c>, for recognition.</summary>
    public static bool RunsFirewallCommands(string path, string text)
    {
        var (commands, _) = ShellScanner.Scan(path, text, (_, _) => { });
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var command in commands)
        {
            var words = WithoutPrefixes(command.Words, variables);
            if (words.Count > 1 && IsFirewallProgram(ProgramName(words[0], variables)))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsFirewallProgram(string program) =>
        program is "ufw" or "iptables" or "iptables-legacy" or "iptables-nft" or "ip6tables" or "ip6tables-legacy" or "ip6tables-nft";

    private static void ApplyUfw(UfwRuleList ufw, IReadOnlyList<ShellWord> arguments, string description, SourceLocation location, DiagnosticBag diagnostics)
    {
        try
        {
            var command = UfwCommandParser.Parse(arguments, description, location);
            if (command is not null)
            {
                ufw.Apply(command, description);
            }
        }
        catch (UfwSyntaxException exception)
        {
            diagnostics.Notify(new LintNotification(
                FirewallNotificationCodes.UfwSyntax,
                NotificationLevel.Warning,
                "ufw rejects '" + description + "': ERROR: " + exception.Message.TrimEnd('.') + ". The command is left out of the checks.",
                exception.Word?.Location ?? location));
        }
    }

    private static void ApplyIptables(IptablesTables tables, IReadOnlyList<ShellWord> arguments, string description, SourceLocation location, DiagnosticBag diagnostics)
    {
        try
        {
            tables.Apply(IptablesCommandParser.Parse(arguments, "filter", description, location), description);
        }
        catch (IptablesSyntaxException exception)
        {
            diagnostics.Notify(new LintNotification(
                FirewallNotificationCodes.IptablesSyntax,
                NotificationLevel.Warning,
                "iptables rejects '" + description + "': " + exception.Message + ". The command is left out of the checks.",
                exception.Word.Location));
        }
    }

    /// <summary>
    /// Drops what may precede a command name (<c>sudo</c> and its options, <c>then</c>, environment
    /// assignments) and records a command that only assigns variables, so that <c>$IPT -A INPUT …</c> after
    /// <c>IPT=/sbin/iptables</c> is read as iptables.
    /// </summary>
    private static List<ShellWord> WithoutPrefixes(IReadOnlyList<ShellWord> words, Dictionary<string, string> variables)
    {
        var index = 0;
        while (index < words.Count)
        {
            var text = words[index].Text;
            if (CommandPrefixes.Contains(text) && !words[index].IsQuoted)
            {
                index++;
            }
            else if (text == "sudo" || text == "doas")
            {
                index++;
                while (index < words.Count && words[index].Text.StartsWith("-", StringComparison.Ordinal))
                {
                    var option = words[index].Text;
                    index += option is "-u" or "-g" or "-C" or "-h" or "-p" ? 2 : 1;
                }
            }
            else if (IsAssignment(text, out var name, out var value))
            {
                if (words.Count == index + 1 || (index > 0 && (words[index - 1].Text is "export" or "readonly" or "local")))
                {
                    variables[name] = value;
                }

                index++;
            }
            else if ((text is "export" or "readonly" or "local" or "declare") && index + 1 < words.Count)
            {
                index++;
            }
            else
            {
                break;
            }
        }

        return words.Skip(index).ToList();
    }

    private static bool IsAssignment(string text, out string name, out string value)
    {
        var equals = text.IndexOf('=');
        name = equals > 0 ? text.Substring(0, equals) : string.Empty;
        value = equals > 0 ? text.Substring(equals + 1) : string.Empty;
        return equals > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(character => char.IsLetterOrDigit(character) || character == '_');
    }

    private static string ProgramName(ShellWord word, Dictionary<string, string> variables)
    {
        var text = word.Text;
        if (text.StartsWith("$", StringComparison.Ordinal))
        {
            var name = text.Trim('$', '{', '}');
            if (variables.TryGetValue(name, out var value))
            {
                text = value.Split(' ')[0];
            }
        }

        var slash = text.LastIndexOf('/');
        return slash >= 0 ? text.Substring(slash + 1) : text;
    }

    internal static string Quote(ShellWord word) =>
        word.Text.Length == 0 || word.Text.Any(char.IsWhiteSpace) ? "'" + word.Text + "'" : word.Text;

    internal static SourceLocation Span(SourceLocation first, SourceLocation last) =>
        new(first.FilePath, first.StartLine, first.StartColumn, last.EndLine, last.EndColumn);
}
