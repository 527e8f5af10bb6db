using System.IO;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Compose;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Compose;

/// <summary>
/// Reads the real-world compose corpus: sample stacks, the Compose Specification's examples, and Compose's
/// own loader fixtures, some of them invalid on purpose.
/// </summary>
public class ComposeCorpusTests
{
    private static string Root => Path.Combine(SharedCorpus.RequireDirectory(), "compose");

    [CorpusFact]
    public void EveryCorpusFile_LintsWithoutException()
    {
        var files = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).ToList();

        Assert.True(files.Count > 500, "expected the whole corpus, found " + files.Count + " files");
        foreach (var file in files)
        {
            var diagnostics = new DiagnosticBag();
            var exception = Record.Exception(() => ComposeLinter.Lint(new[] { file }, new LintOptions(), diagnostics));
            Assert.True(exception is null, file + ": " + exception);
        }
    }

    /// <summary>The Helm chart beside Compose's bridge fixtures is YAML but not compose, so it is skipped with a note.</summary>
    [CorpusFact]
    public void HelmOutput_SkippedAsNotCompose()
    {
        var folder = Path.Combine(Root, "docker-compose", "pkg", "e2e", "fixtures", "bridge", "expected-helm");
        var files = Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).ToList();

        Assert.True(files.Count >= 11, "found " + files.Count + " files");
        foreach (var file in files)
        {
            var diagnostics = new DiagnosticBag();
            ComposeLinter.Lint(new[] { file }, new LintOptions(), diagnostics);

            Assert.Empty(diagnostics.Findings);
            Assert.Contains(diagnostics.Notifications, notification => notification.Code == ComposeNotificationCodes.NotCompose || notification.Code == ComposeNotificationCodes.Syntax);
        }
    }

    /// <summary>The sample stacks are valid compose files: they read without a syntax error and most publish ports.</summary>
    [CorpusFact]
    public void AwesomeCompose_ReadsWithoutSyntaxErrors()
    {
        var result = new LintEngine().Lint(new[] { Path.Combine(Root, "awesome-compose") }, new LintOptions(), Root);

        Assert.DoesNotContain(result.Notifications, notification => notification.Code == ComposeNotificationCodes.Syntax);
        Assert.True(result.FilesAnalyzed.Count >= 35, "analyzed " + result.FilesAnalyzed.Count);
        Assert.True(result.Findings.Count(finding => finding.Rule.Id == "NETSEC053" || finding.Rule.Id == "NETSEC051") > 30);
    }
}
