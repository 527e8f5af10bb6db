using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Tests.Workspace;

/// <summary>What the engine does with a file named on the command line that no format recognizes.</summary>
public sealed class UnrecognizedFileTests
{
    [Fact]
    public void Note_NamesFormatAndHowItRecognizesFiles()
    {
        using var folder = new TemporaryFolder();
        folder.Write("notes.txt", "hello");

        var result = Lint(folder, ConfigurationFormats.All, "notes.txt");

        var notification = Assert.Single(result.Notifications);
        Assert.Equal(NotificationCodes.UnrecognizedFile, notification.Code);
        Assert.StartsWith("Skipped 'notes.txt': not recognized as nginx, host firewall or compose configuration. netsec reads nginx files by name (nginx.conf, ", notification.Message);
        Assert.Contains(") or by content (", notification.Message);
    }

    [Fact]
    public void Note_JoinsSeveralFormats()
    {
        using var folder = new TemporaryFolder();
        folder.Write("notes.txt", "hello");
        var formats = new[] { FakeFormat.Create(), Named("compose", "by name (compose.yaml)"), Named("ufw", hint: null) };

        var result = Lint(folder, formats, "notes.txt");

        Assert.Equal(
            "Skipped 'notes.txt': not recognized as fake, compose or ufw configuration. netsec reads compose files by name (compose.yaml).",
            Assert.Single(result.Notifications).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \t\r\n")]
    public void EmptyFileNamed_IsSkippedWithNote(string content)
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.conf", content);

        var result = Lint(folder, ConfigurationFormats.All, "site.conf");

        var notification = Assert.Single(result.Notifications);
        Assert.Equal(NotificationCodes.EmptyFile, notification.Code);
        Assert.Equal(NotificationLevel.Note, notification.Level);
        Assert.Equal("Skipped 'site.conf': it has no content to lint (it is empty or blank, or a pipe or device, which netsec does not read).", notification.Message);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void EmptyFileInFolder_IsSkippedSilently()
    {
        using var folder = new TemporaryFolder();
        folder.Write("site.conf", string.Empty);

        var result = Lint(folder, ConfigurationFormats.All, ".");

        Assert.Empty(result.Notifications);
    }

    [Fact]
    public void TextAfterLongBlankStart_GetsNote()
    {
        using var folder = new TemporaryFolder();
        folder.Write("notes.txt", new string(' ', 20 * 1024) + "hello");

        var result = Lint(folder, ConfigurationFormats.All, "notes.txt");

        Assert.Equal(NotificationCodes.UnrecognizedFile, Assert.Single(result.Notifications).Code);
    }

    private static ConfigurationFormat Named(string name, string? hint) =>
        new(name, (path, text) => false, (files, options, diagnostics) => { }, hint);

    private static LintResult Lint(TemporaryFolder folder, IReadOnlyList<ConfigurationFormat> formats, params string[] paths) =>
        new LintEngine(formats).Lint(paths, new LintOptions(), folder.Path);
}
