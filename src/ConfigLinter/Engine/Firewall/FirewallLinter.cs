using System;
using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Firewall.Rules;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Firewall;

/// <summary>Entry point of the ufw and iptables side of the linter.</summary>
public static class FirewallLinter
{
    private static readonly IFirewallRule[] Rules =
    {
        new FirewallAllowsIncomingByDefaultRule(),
        new SensitivePortReachableRule(),
        new SshWithoutRateLimitingRule(),
    };

    /// <summary>Returns whether a file is a ufw or iptables file, judged by its path and the start of its text.</summary>
    public static bool IsFirewallFile(string path, string text) => FirewallRecognizer.KindOf(path, text) != FirewallFileKind.None;

    /// <summary>
    /// Reads each file, runs the firewall rules on it, and records in <see cref="DiagnosticBag.HostFirewall"/>
    /// every inbound deny, source restriction and deny-by-default policy it holds, for the compose rules.
    /// </summary>
    public static void Lint(IReadOnlyList<string> files, LintOptions options, DiagnosticBag diagnostics)
    {
        foreach (var path in files)
        {
            string text;
            try
            {
                text = options.FileSystem.ReadAllText(path);
            }
            catch (Exception exception) when (ReadFailure.IsReadError(exception))
            {
                diagnostics.Notify(ReadFailure.Notification(path, exception));
                continue;
            }

            Lint(Read(path, text, FirewallRecognizer.KindOf(path, text, recognized: true), diagnostics), options, diagnostics);
        }
    }

    internal static FirewallDocument Read(string path, string text, FirewallFileKind kind, DiagnosticBag diagnostics) => kind switch
    {
        FirewallFileKind.UfwRules => UfwRulesFileReader.Read(path, text, diagnostics),
        FirewallFileKind.UfwSettings => UfwSettingsReader.Read(path, text, diagnostics),
        FirewallFileKind.IptablesSave => IptablesSaveReader.Read(path, text, diagnostics),
        _ => FirewallScriptReader.Read(path, text, diagnostics),
    };

    internal static void Lint(FirewallDocument document, LintOptions options, DiagnosticBag diagnostics)
    {
        diagnostics.RecordFileRead(document.FilePath);
        if (document.Comments.Count > 0)
        {
            diagnostics.RecordCommentedFile(new FirewallCommentedFile(document.FilePath, document.Comments, document.Statements));
        }

        foreach (var rule in Rules)
        {
            rule.Analyze(document, options, diagnostics);
        }

        RecordProtections(document, diagnostics.HostFirewall);
    }

    private static void RecordProtections(FirewallDocument document, HostFirewallFacts facts)
    {
        facts.AddFile(document.FilePath);
        foreach (var chain in document.Chains.Where(chain => chain.IsInbound))
        {
            foreach (var rule in chain.Rules.Where(Protects))
            {
                var protocol = rule.Protocol is "tcp" or "udp" ? rule.Protocol : null;
                foreach (var range in rule.Ports!)
                {
                    facts.Add(new InboundProtection(rule.Description, rule.ValueLocation, range.First, range.Last, protocol));
                }
            }
        }

        foreach (var setting in document.Defaults.Where(setting => setting.Kind != IncomingDefaultKind.UfwSwitch && !setting.Accepts))
        {
            facts.Add(new InboundProtection(setting.Description, setting.Location));
        }
    }

    /// <summary>
    /// A rule that names ports and blocks them, or lets them in only from some sources. A rule without ports
    /// that blocks one source is left out: it is not what an operator would take as the port's protection.
    /// </summary>
    private static bool Protects(FirewallRule rule) =>
        rule.Ports is not null
        && rule.PortsKnown
        && (rule.Protocol is null or "tcp" or "udp")
        && (rule.Verdict == FirewallVerdict.Block
            || ((rule.Verdict == FirewallVerdict.Accept || rule.Verdict == FirewallVerdict.Limit) && !rule.FromAnyAddress));

    /// <summary>Keeps only what suppressions need, so that a large scan does not hold every file's rules until it ends.</summary>
    private sealed class FirewallCommentedFile : Suppressions.ICommentedFile
    {
        public FirewallCommentedFile(string filePath, IReadOnlyList<Suppressions.SourceComment> comments, IReadOnlyList<Suppressions.LineRange> statements)
        {
            FilePath = filePath;
            Comments = comments;
            Statements = statements;
        }

        public string FilePath { get; }

        public IReadOnlyList<Suppressions.SourceComment> Comments { get; }

        public IReadOnlyList<Suppressions.LineRange> Statements { get; }
    }
}
