using System;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Firewall;

/// <summary>
/// Reads the format <c>iptables-save</c> writes and <c>iptables-restore</c> reads: <c>*TABLE</c> sections,
/// <c>:CHAIN POLICY [packets:bytes]</c> declarations, rule lines and <c>COMMIT</c>. ufw's
/// <c>before.rules</c> and <c>after.rules</c> use it too.
/// </summary>
internal static class IptablesSaveReader
{
    public static FirewallDocument Read(string path, string text, DiagnosticBag diagnostics)
    {
        var document = new FirewallDocument(path);
        var (commands, comments) = ShellScanner.Scan(path, text, (location, message) =>
            diagnostics.Notify(new LintNotification(FirewallNotificationCodes.IptablesSyntax, NotificationLevel.Warning, message, location)));
        document.CommentList.AddRange(comments);

        var program = IsIpv6(path) ? "ip6tables" : "iptables";
        var tables = new IptablesTables(program);
        var table = "filter";
        foreach (var command in commands)
        {
            var words = command.Words;
            var first = words[0].Text;
            document.StatementList.Add(command.Lines);
            var description = string.Join(" ", words.Select(FirewallScriptReader.Quote));
            if (first.StartsWith("*", StringComparison.Ordinal) && words.Count == 1)
            {
                table = first.Substring(1);
            }
            else if (first.StartsWith(":", StringComparison.Ordinal) && first.Length > 1 && words.Count >= 2)
            {
                ReadChainDeclaration(tables, table, first.Substring(1), words[1], description);
            }
            else if (first == "COMMIT" && words.Count == 1)
            {
                table = "filter";
            }
            else if (first.StartsWith("-", StringComparison.Ordinal))
            {
                try
                {
                    tables.Apply(IptablesCommandParser.Parse(words, table, description, FirewallScriptReader.Span(words[0].Location, words[words.Count - 1].Location)), description);
                }
                catch (IptablesSyntaxException exception)
                {
                    Warn(diagnostics, program + "-restore rejects '" + description + "': " + exception.Message + ". The line is left out of the checks.", exception.Word.Location);
                }
            }
            else
            {
                Warn(diagnostics, program + "-restore cannot read '" + description + "': expected *TABLE, :CHAIN POLICY, a rule starting with -A or -I, or COMMIT. The line is left out of the checks.", words[0].Location);
            }
        }

        tables.ExportTo(document);
        return document;
    }

    /// <summary>Returns whether the first statement of a text is a table header such as <c>*filter</c>.</summary>
    public static bool LooksLikeIptablesSave(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text.Substring(start, end - start).Trim();
            start = end + 1;
            if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            return line is "*filter" or "*nat" or "*mangle" or "*raw" or "*security";
        }

        return false;
    }

    /// <summary>ip6tables-save output: <c>rules.v6</c>, <c>user6.rules</c>, <c>before6.rules</c> and the like.</summary>
    public static bool IsIpv6(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name.EndsWith(".v6", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("6.rules", StringComparison.OrdinalIgnoreCase)
            || name.IndexOf("ip6tables", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    private static void ReadChainDeclaration(IptablesTables tables, string table, string chain, ShellWord policy, string description)
    {
        if (table != "filter")
        {
            return;
        }

        if (chain == "INPUT")
        {
            tables.SetInputPolicy(new IncomingDefault(IncomingDefaultKind.IptablesInputPolicy, policy.Text == "ACCEPT", description, policy.Location));
        }

        tables.DeclareChain(chain);
    }

    private static void Warn(DiagnosticBag diagnostics, string message, SourceLocation location) =>
        diagnostics.Notify(new LintNotification(FirewallNotificationCodes.IptablesSyntax, NotificationLevel.Warning, message, location));
}
