using System.IO;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Output;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Output;

public sealed class TextFormatterTests
{
    private static readonly string Separator = Path.DirectorySeparatorChar.ToString();

    [Fact]
    public void Finding_PrintsCompilerStyleLine()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("conf/nginx.conf", SampleFindings.NginxConf);
        var result = new LintResult(folder.Path, new[] { SampleFindings.LegacyTls(file, 4, 23) }, new LintNotification[0], new[] { file });

        var lines = Format(result);

        Assert.Equal(
            "conf" + Separator + "nginx.conf:4:23: error NETSEC001: ssl_protocols TLSv1 TLSv1.2 enables TLSv1; allow only TLS 1.2 and TLS 1.3",
            lines[0]);
    }

    [Fact]
    public void Notification_PrintsLevelAndCode()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("nginx.conf", SampleFindings.NginxConf);
        var result = new LintResult(folder.Path, new Finding[0], new[] { SampleFindings.SyntaxError(file, 6, 1) }, new[] { file });

        var lines = Format(result);

        Assert.Equal("nginx.conf:6:1: error nginx-syntax: unexpected \"}\"", lines[0]);
    }

    [Fact]
    public void NotificationWithoutLocation_PrintsFirst()
    {
        using var folder = new TemporaryFolder();
        var result = SampleFindings.Mixed(folder);

        var lines = Format(result);

        Assert.Equal("error path-not-found: No such file or folder: 'missing'.", lines[0]);
    }

    [Fact]
    public void Lines_AreInFileOrder()
    {
        using var folder = new TemporaryFolder();
        var result = SampleFindings.Mixed(folder);

        var lines = Format(result);

        Assert.StartsWith("conf" + Separator + "nginx.conf:4:23: error NETSEC001:", lines[1]);
        Assert.StartsWith("conf" + Separator + "nginx.conf:2:9: note:", lines[2]);
        Assert.StartsWith("conf" + Separator + "site one.conf:4:23: warning NETSEC001:", lines[3]);
        Assert.StartsWith("conf" + Separator + "site one.conf:4:23: note NETSEC001:", lines[4]);
        Assert.StartsWith("conf" + Separator + "site one.conf:6:1: error nginx-syntax:", lines[5]);
    }

    [Fact]
    public void RelatedLocation_FollowsFindingAsNote()
    {
        using var folder = new TemporaryFolder();
        var result = SampleFindings.Mixed(folder);

        var lines = Format(result);

        // The include is on line 2, above the finding on line 4, and still comes right after it.
        Assert.StartsWith("conf" + Separator + "nginx.conf:4:23: error NETSEC001:", lines[1]);
        Assert.Equal("conf" + Separator + "nginx.conf:2:9: note: The file is included here", lines[2]);
    }

    [Fact]
    public void RelatedLocations_KeepTheirOrder()
    {
        using var folder = new TemporaryFolder();
        var main = folder.Write("nginx.conf", SampleFindings.NginxConf);
        var site = folder.Write("conf.d/site.conf", SampleFindings.NginxConf);
        var tls = folder.Write("snippets/tls.conf", SampleFindings.NginxConf);
        var related = new[]
        {
            new RelatedLocation(SourceLocation.OnLine(main, 2, 5, 7), "\"site.conf\" is included here"),
            new RelatedLocation(SourceLocation.OnLine(site, 3, 5, 7), "\"tls.conf\" is included here"),
        };
        var result = new LintResult(folder.Path, new[] { SampleFindings.LegacyTls(tls, 4, 23, related: related) }, new LintNotification[0], new[] { main });

        var lines = Format(result);

        Assert.Equal(4, lines.Length);
        Assert.Equal("nginx.conf:2:5: note: \"site.conf\" is included here", lines[1]);
        Assert.Equal("conf.d" + Separator + "site.conf:3:5: note: \"tls.conf\" is included here", lines[2]);
    }

    [Fact]
    public void Summary_CountsLevelsFilesAndInputProblems()
    {
        using var folder = new TemporaryFolder();
        var result = SampleFindings.Mixed(folder);

        var lines = Format(result);

        Assert.Equal("1 error, 1 warning, 1 note in 2 files; input problems: 2 errors, 0 warnings, 0 notes", lines.Last());
    }

    [Fact]
    public void Summary_CountsInputWarningsAndNotes()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("nginx.conf", SampleFindings.NginxConf);
        var notifications = new[] { SampleFindings.ByteOrderMark(file), SampleFindings.UnrecognizedFile("notes.txt") };
        var result = new LintResult(folder.Path, new Finding[0], notifications, new[] { file });

        Assert.Equal("0 errors, 0 warnings, 0 notes in 1 file; input problems: 0 errors, 1 warning, 1 note", TextFormatter.Summary(result));
    }

    [Fact]
    public void Summary_WithoutInputProblems_EndsAfterFiles()
    {
        using var folder = new TemporaryFolder();
        var result = new LintResult(folder.Path, new Finding[0], new LintNotification[0], new string[0]);

        Assert.Equal("0 errors, 0 warnings, 0 notes in 0 files", TextFormatter.Summary(result));
    }

    [Fact]
    public void PathOutsideBaseFolder_PrintsAbsolutePath()
    {
        using var folder = new TemporaryFolder();
        using var other = new TemporaryFolder();
        var file = other.Write("nginx.conf", SampleFindings.NginxConf);
        var result = new LintResult(folder.Path, new[] { SampleFindings.LegacyTls(file, 4, 23, RuleSeverity.Warning) }, new LintNotification[0], new[] { file });

        var lines = Format(result);

        Assert.StartsWith(file + ":4:23: warning NETSEC001:", lines[0]);
    }

    [Fact]
    public void SuppressedFinding_IsHiddenAndCounted()
    {
        using var folder = new TemporaryFolder();
        var result = SampleFindings.OneSuppressed(folder, RuleSeverity.Warning);

        var lines = Format(result);

        Assert.Equal(2, lines.Length);
        Assert.StartsWith("nginx.conf:5:23: warning NETSEC001:", lines[0]);
        Assert.Equal("0 errors, 1 warning, 0 notes in 1 file; 1 suppressed", lines[1]);
    }

    [Fact]
    public void NoSuppressedFinding_SummaryOmitsCount()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("nginx.conf", SampleFindings.NginxConf);
        var result = new LintResult(folder.Path, new[] { SampleFindings.LegacyTls(file, 4, 23) }, new LintNotification[0], new[] { file });

        Assert.Equal("1 error, 0 warnings, 0 notes in 1 file", TextFormatter.Summary(result));
    }

    private static string[] Format(LintResult result)
    {
        var writer = new StringWriter();
        new TextFormatter().Write(result, writer);
        return writer.ToString().Split(writer.NewLine).Where(line => line.Length > 0).ToArray();
    }
}
