using System.IO;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Firewall;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Firewall;

/// <summary>Reads the real-world ufw and iptables corpus, including the rule files ufw itself wrote for recorded commands.</summary>
public sealed class FirewallCorpusTests
{
    private static string Root => Path.Combine(SharedCorpus.RequireDirectory(), "ufw");

    /// <summary>Every file of every kind goes through every reader: manual pages and JSON logs are bad input too.</summary>
    [CorpusFact]
    public void EveryCorpusFile_ReadsAndLintsWithoutException()
    {
        var files = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).ToList();

        Assert.True(files.Count > 50, "expected the whole corpus, found " + files.Count + " files");
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var kind in new[] { FirewallFileKind.Script, FirewallFileKind.UfwRules, FirewallFileKind.UfwSettings, FirewallFileKind.IptablesSave })
            {
                var diagnostics = new DiagnosticBag();
                var exception = Record.Exception(() => FirewallLinter.Lint(FirewallLinter.Read(file, text, kind, diagnostics), new LintOptions(), diagnostics));
                Assert.True(exception is null, file + " as " + kind + ": " + exception);
            }
        }
    }

    /// <summary>
    /// ufw 0.36.2 accepted 40 of the recorded commands and rejected 11; the reader accepts and rejects the same
    /// ones. ufw's reasons are in the corpus's parse log.
    /// </summary>
    [CorpusFact]
    public void RecordedCommands_AcceptedAndRejectedAsUfwDid()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "generated-dryrun", "ufw-commands.sh.txt"));
        var log = File.ReadAllText(Path.Combine(Root, "generated-dryrun", "parse-log.json"));
        var rejected = System.Text.Json.JsonDocument.Parse(log).RootElement.EnumerateArray()
            .Where(entry => !entry.GetProperty("ok").GetBoolean())
            .Select(entry => entry.GetProperty("cmd").GetString()!)
            .ToHashSet();
        foreach (var line in lines.Where(line => line.Length > 0 && !line.StartsWith('#')))
        {
            var diagnostics = new DiagnosticBag();
            FirewallScriptReader.Read("commands.sh", "ufw " + line + "\n", diagnostics);
            var recordedAsRejected = rejected.Contains("ufw " + line);

            Assert.True(
                recordedAsRejected == (diagnostics.Notifications.Count > 0),
                "ufw " + line + ": ufw " + (recordedAsRejected ? "rejected" : "accepted") + " it; the reader said: " + string.Join("; ", diagnostics.Notifications));
        }
    }

    /// <summary>The rule files ufw wrote hold the tuples of the accepted commands; every tuple reads without a notification.</summary>
    [CorpusFact]
    public void GeneratedUserRules_ReadWithoutNotifications()
    {
        foreach (var name in new[] { "user.rules", "user6.rules" })
        {
            var diagnostics = new DiagnosticBag();
            var document = UfwRulesFileReader.Read(name, File.ReadAllText(Path.Combine(Root, "generated-dryrun", name)), diagnostics);

            Assert.Empty(diagnostics.Notifications);
            Assert.NotEmpty(document.FindChain("ufw")!.Rules);
        }
    }
}
