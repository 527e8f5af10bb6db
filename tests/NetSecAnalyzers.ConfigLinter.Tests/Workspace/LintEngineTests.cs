using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Tests.Workspace;

public sealed class LintEngineTests
{
    private const string Insecure = "ssl_protocols TLSv1;\n";

    [Fact]
    public void Folder_WalksRecursivelyInOrdinalOrder()
    {
        using var folder = new TemporaryFolder();
        folder.Write("b.fake", Insecure);
        folder.Write("a/z.fake", Insecure);
        folder.Write("a.fake", Insecure);
        folder.Write("B/c.fake", Insecure);
        var linted = new List<string>();

        Lint(folder, new[] { "." }, linted);

        Assert.Equal(
            new[] { "a.fake", "b.fake", "B/c.fake", "a/z.fake" }.Select(folder.Combine),
            linted);
    }

    [Theory]
    [InlineData(".git")]
    [InlineData("bin")]
    [InlineData("obj")]
    [InlineData("node_modules")]
    [InlineData(".hidden")]
    public void Folder_SkipsToolAndHiddenFolders(string skipped)
    {
        using var folder = new TemporaryFolder();
        folder.Write(Path.Combine(skipped, "site.fake"), Insecure);
        folder.Write("site.fake", Insecure);
        var linted = new List<string>();

        Lint(folder, new[] { "." }, linted);

        Assert.Equal(new[] { folder.Combine("site.fake") }, linted);
    }

    [Fact]
    public void SkippedFolderGivenExplicitly_IsWalked()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write(Path.Combine(".hidden", "site.fake"), Insecure);
        var linted = new List<string>();

        Lint(folder, new[] { ".hidden" }, linted);

        Assert.Equal(new[] { file }, linted);
    }

    [Fact]
    public void SymbolicLinkLoop_IsNotFollowed()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write(Path.Combine("conf", "site.fake"), Insecure);
        Directory.CreateSymbolicLink(folder.Combine(Path.Combine("conf", "loop")), folder.Path);
        var linted = new List<string>();

        Lint(folder, new[] { "." }, linted);

        Assert.Equal(new[] { file }, linted);
    }

    [Fact]
    public void SameFileTwice_IsLintedOnce()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("site.fake", Insecure);
        var linted = new List<string>();

        Lint(folder, new[] { ".", "site.fake", file }, linted);

        Assert.Equal(new[] { file }, linted);
    }

    [Fact]
    public void FileAndLinkToIt_AreLintedOnce()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write(Path.Combine("sites-available", "default.fake"), Insecure);
        Directory.CreateDirectory(folder.Combine("sites-enabled"));
        File.CreateSymbolicLink(folder.Combine(Path.Combine("sites-enabled", "default.fake")), Path.Combine("..", "sites-available", "default.fake"));
        var linted = new List<string>();

        var result = Lint(folder, new[] { "." }, linted);

        Assert.Equal(new[] { file }, linted);
        Assert.Single(result.Findings);
    }

    [Fact]
    public void CopyOfFile_IsLintedAgain()
    {
        using var folder = new TemporaryFolder();
        var original = folder.Write(Path.Combine("sites-available", "default.fake"), Insecure);
        var copy = folder.Write(Path.Combine("sites-enabled", "default.fake"), Insecure);
        var linted = new List<string>();

        Lint(folder, new[] { "." }, linted);

        Assert.Equal(new[] { original, copy }, linted);
    }

    [Fact]
    public void MissingPath_ReportsErrorAndLintsTheRest()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("site.fake", Insecure);

        var result = Lint(folder, new[] { "missing.conf", "site.fake" });

        var notification = Assert.Single(result.Notifications);
        Assert.Equal(NotificationCodes.PathNotFound, notification.Code);
        Assert.Equal(NotificationLevel.Error, notification.Level);
        Assert.Contains("'missing.conf'", notification.Message);
        Assert.Equal(file, Assert.Single(result.Findings).Location.FilePath);
        Assert.True(result.HasErrorNotifications);
    }

    [Fact]
    public void BrokenLinkInFolder_IsNote()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("site.fake", Insecure);
        File.CreateSymbolicLink(folder.Combine("dangling.fake"), folder.Combine("gone.fake"));

        var result = Lint(folder, new[] { "." });

        var notification = Assert.Single(result.Notifications);
        Assert.Equal(NotificationCodes.BrokenLink, notification.Code);
        Assert.Equal(NotificationLevel.Note, notification.Level);
        Assert.Contains("'dangling.fake'", notification.Message);
        Assert.False(result.HasErrorNotifications);
        Assert.Equal(file, Assert.Single(result.Findings).Location.FilePath);
    }

    [Fact]
    public void LinkLoopInFolder_IsNote()
    {
        using var folder = new TemporaryFolder();
        File.CreateSymbolicLink(folder.Combine("a.fake"), folder.Combine("b.fake"));
        File.CreateSymbolicLink(folder.Combine("b.fake"), folder.Combine("a.fake"));

        var result = Lint(folder, new[] { "." });

        Assert.Equal(2, result.Notifications.Count);
        Assert.All(result.Notifications, notification => Assert.Equal(NotificationCodes.BrokenLink, notification.Code));
        Assert.False(result.HasErrorNotifications);
    }

    [Fact]
    public void BrokenLinkGivenExplicitly_IsError()
    {
        using var folder = new TemporaryFolder();
        File.CreateSymbolicLink(folder.Combine("dangling.fake"), folder.Combine("gone.fake"));

        var result = Lint(folder, new[] { "dangling.fake" });

        var notification = Assert.Single(result.Notifications);
        Assert.Equal(NotificationCodes.ReadError, notification.Code);
        Assert.True(result.HasErrorNotifications);
    }

    [Fact]
    public void BrokenLinkNamedAfterItsFolder_IsError()
    {
        using var folder = new TemporaryFolder();
        File.CreateSymbolicLink(folder.Combine("dangling.fake"), folder.Combine("gone.fake"));

        var result = Lint(folder, new[] { ".", "dangling.fake" });

        var notification = Assert.Single(result.Notifications);
        Assert.Equal(NotificationCodes.ReadError, notification.Code);
        Assert.Contains("symbolic link", notification.Message);
        Assert.True(result.HasErrorNotifications);
    }

    [Fact]
    public void UnrecognizedFileNamedAfterItsFolder_ReportsNote()
    {
        using var folder = new TemporaryFolder();
        folder.Write("notes.txt", "hello");

        var result = Lint(folder, new[] { ".", "notes.txt" });

        Assert.Equal(NotificationCodes.UnrecognizedFile, Assert.Single(result.Notifications).Code);
    }

    [Fact]
    public void UnrecognizedFileGivenExplicitly_ReportsNote()
    {
        using var folder = new TemporaryFolder();
        folder.Write("notes.txt", "hello");

        var result = Lint(folder, new[] { "notes.txt" });

        var notification = Assert.Single(result.Notifications);
        Assert.Equal(NotificationCodes.UnrecognizedFile, notification.Code);
        Assert.Equal(NotificationLevel.Note, notification.Level);
        Assert.Contains("'notes.txt'", notification.Message);
        Assert.False(result.HasErrorNotifications);
        Assert.Empty(result.FilesAnalyzed);
    }

    [Fact]
    public void UnrecognizedFileInFolder_IsSkippedSilently()
    {
        using var folder = new TemporaryFolder();
        folder.Write("notes.txt", "hello");

        var result = Lint(folder, new[] { "." });

        Assert.Empty(result.Notifications);
        Assert.Empty(result.FilesAnalyzed);
    }

    [Fact]
    public void Findings_AreSortedByFileLineAndColumn()
    {
        using var folder = new TemporaryFolder();
        folder.Write("b.fake", "ssl_protocols TLSv1;\n x TLSv1; TLSv1;\n");
        folder.Write("a.fake", "\n\nssl_protocols TLSv1;\n");

        var result = Lint(folder, new[] { "b.fake", "a.fake" });

        Assert.Equal(
            new[] { "a.fake:3:15", "b.fake:1:15", "b.fake:2:4" },
            result.Findings.Select(finding => Path.GetFileName(finding.Location.FilePath) + ":" + finding.Location.StartLine + ":" + finding.Location.StartColumn));
    }

    [Fact]
    public void FailingFormat_BecomesInternalError()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.fake", Insecure);
        var engine = new LintEngine(new[] { FakeFormat.Throwing() });

        var result = engine.Lint(new[] { "." }, new LintOptions(), folder.Path);

        var notification = Assert.Single(result.Notifications);
        Assert.Equal(NotificationCodes.InternalError, notification.Code);
        Assert.Contains("reader defect", notification.Message);
    }

    [Fact]
    public void Result_KeepsBaseFolderAndFilesAnalyzed()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("site.fake", Insecure);

        var result = Lint(folder, new[] { "." });

        Assert.Equal(folder.Path.TrimEnd(Path.DirectorySeparatorChar), result.BaseDirectory);
        Assert.Equal(new[] { file }, result.FilesAnalyzed);
    }

    [Fact]
    public void DefaultFormats_IncludeNginx()
    {
        Assert.Contains(ConfigurationFormats.All, format => format.Name == "nginx");
    }

    private static LintResult Lint(TemporaryFolder folder, IReadOnlyList<string> paths, List<string>? linted = null) =>
        new LintEngine(new[] { FakeFormat.Create(linted: linted) }).Lint(paths, new LintOptions(), folder.Path);
}
