using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Nginx;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

/// <summary>The nginx reader run through <see cref="LintEngine"/>, as <c>netsec lint</c> runs it.</summary>
public sealed class NginxEngineTests
{
    private const string InsecureSite = "server {\n  listen 443 ssl;\n  server_tokens off;\n  ssl_protocols TLSv1;\n}\n";

    /// <summary>
    /// The same site on its own port: a second server on port 443 would be a name-based server there, whose
    /// protocols nginx ignores in favour of the first server's.
    /// </summary>
    private const string OtherInsecureSite = "server {\n  listen 8443 ssl;\n  server_tokens off;\n  ssl_protocols TLSv1;\n}\n";

    [Fact]
    public void MainFileNamed_CountsIncludedFiles()
    {
        using var folder = new TemporaryFolder();
        var main = folder.Write("nginx.conf", "events {}\nhttp {\n  include conf.d/*.conf;\n}\n");
        var first = folder.Write("conf.d/a.conf", InsecureSite);
        var second = folder.Write("conf.d/b.conf", OtherInsecureSite);

        var result = Lint(folder, "nginx.conf");

        Assert.Equal(new[] { main, first, second }, result.FilesAnalyzed);
        Assert.Equal(2, result.Findings.Count(NginxFixture.IsLegacyTlsProtocol));
    }

    [Fact]
    public void FolderWithIncludedFiles_CountsEachOnce()
    {
        using var folder = new TemporaryFolder();
        folder.Write("nginx.conf", "events {}\nhttp {\n  include conf.d/*.conf;\n  include sites-enabled/*;\n}\n");
        folder.Write("conf.d/a.conf", InsecureSite);
        folder.Write("sites-available/default", OtherInsecureSite);
        Directory.CreateDirectory(folder.Combine("sites-enabled"));
        File.CreateSymbolicLink(folder.Combine("sites-enabled/default"), "../sites-available/default");

        var result = Lint(folder, ".");

        Assert.Equal(
            new[] { "nginx.conf", "conf.d/a.conf", "sites-enabled/default" },
            result.FilesAnalyzed.Select(file => Path.GetRelativePath(folder.Path, file)));
        Assert.Equal(
            new[] { "conf.d/a.conf", "sites-enabled/default" },
            result.Findings.Where(NginxFixture.IsLegacyTlsProtocol).Select(finding => Path.GetRelativePath(folder.Path, finding.Location.FilePath)));
    }

    [Fact]
    public void BinaryFileNamed_IsSkippedWithNote()
    {
        using var folder = new TemporaryFolder();
        WriteBinary(folder, "conf.d/nul.conf");

        var result = Lint(folder, "conf.d/nul.conf");

        var notification = Assert.Single(result.Notifications);
        Assert.Equal(NotificationCodes.BinaryFile, notification.Code);
        Assert.Equal(NotificationLevel.Note, notification.Level);
        Assert.Contains("not a text file", notification.Message);
        Assert.Empty(result.FilesAnalyzed);
    }

    [Fact]
    public void BinaryFileInFolder_IsSkippedSilently()
    {
        using var folder = new TemporaryFolder();
        WriteBinary(folder, "conf.d/nul.conf");
        var site = folder.Write("conf.d/site.conf", InsecureSite);

        var result = Lint(folder, ".");

        Assert.Empty(result.Notifications);
        Assert.Equal(new[] { site }, result.FilesAnalyzed);
    }

    [Fact]
    public void BinaryFileIncluded_IsErrorNotSyntaxError()
    {
        using var folder = new TemporaryFolder();
        var main = folder.Write("nginx.conf", "events {}\nhttp {\n  include conf.d/*.conf;\n}\n");
        WriteBinary(folder, "conf.d/nul.conf");
        var site = folder.Write("conf.d/site.conf", InsecureSite);

        var result = Lint(folder, "nginx.conf");

        var notification = Assert.Single(result.Notifications);
        Assert.Equal(NginxNotificationCodes.BinaryFile, notification.Code);
        Assert.Equal(NotificationLevel.Error, notification.Level);
        Assert.Equal("\"conf.d/nul.conf\" is not a text file (it contains NUL bytes), so it is not read as nginx configuration; keep binary files out of included folders", notification.Message);
        Assert.Equal(SourceLocation.OnLine(main, 3, 3, 7), notification.Location);
        Assert.Equal(site, Assert.Single(result.Findings, NginxFixture.IsLegacyTlsProtocol).Location.FilePath);
    }

    [Fact]
    public void Utf16MainFile_NamesEncodingAtFileStart()
    {
        using var folder = new TemporaryFolder();
        var main = folder.Write("nginx.conf", string.Empty);
        File.WriteAllText(main, "events {}\n", new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        var site = folder.Write("conf.d/site.conf", InsecureSite);

        var result = Lint(folder, ".");

        var notification = Assert.Single(result.Notifications);
        Assert.Equal(NginxNotificationCodes.BinaryFile, notification.Code);
        Assert.Equal(NotificationLevel.Error, notification.Level);
        Assert.Equal("\"nginx.conf\" is UTF-16LE text (it starts with a byte order mark), which nginx cannot read; save it as UTF-8", notification.Message);
        Assert.Equal(new SourceLocation(main, 1, 1, 1, 1), notification.Location);
        Assert.Equal(site, Assert.Single(result.Findings, NginxFixture.IsLegacyTlsProtocol).Location.FilePath);
    }

    [Fact]
    public async Task NamedPipeInFolder_IsNotOpened()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TemporaryFolder();
        Assert.Equal(0, MakeFifo(folder.Combine("somepipe"), Convert.ToUInt32("644", 8)));
        var site = folder.Write("site.conf", InsecureSite);

        // Opening the pipe would wait for a writer forever, so the lint runs on its own thread.
        var lint = Task.Run(() => Lint(folder, "."));

        var first = await Task.WhenAny(lint, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.True(first == lint, "the lint did not finish: it opened the named pipe");
        var result = await lint;
        Assert.Equal(site, Assert.Single(result.Findings, NginxFixture.IsLegacyTlsProtocol).Location.FilePath);
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);

    private static void WriteBinary(TemporaryFolder folder, string relativePath)
    {
        var path = folder.Write(relativePath, string.Empty);
        File.WriteAllBytes(path, new byte[] { 0, 1, 2, (byte)'b', (byte)'i', (byte)'n', 0 });
    }

    private static LintResult Lint(TemporaryFolder folder, params string[] paths) =>
        new LintEngine().Lint(paths, new LintOptions(), folder.Path);
}
