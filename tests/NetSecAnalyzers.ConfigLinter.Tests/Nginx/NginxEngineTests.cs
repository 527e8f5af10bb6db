using System.IO;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

/// <summary>The nginx reader run through <see cref="LintEngine"/>, as <c>netsec lint</c> runs it.</summary>
public sealed class NginxEngineTests
{
    private const string InsecureSite = "server {\n  listen 443 ssl;\n  ssl_protocols TLSv1;\n}\n";

    [Fact]
    public void MainFileNamed_CountsIncludedFiles()
    {
        using var folder = new TemporaryFolder();
        var main = folder.Write("nginx.conf", "events {}\nhttp {\n  include conf.d/*.conf;\n}\n");
        var first = folder.Write("conf.d/a.conf", InsecureSite);
        var second = folder.Write("conf.d/b.conf", InsecureSite);

        var result = Lint(folder, "nginx.conf");

        Assert.Equal(new[] { main, first, second }, result.FilesAnalyzed);
        Assert.Equal(2, result.Findings.Count);
    }

    [Fact]
    public void FolderWithIncludedFiles_CountsEachOnce()
    {
        using var folder = new TemporaryFolder();
        folder.Write("nginx.conf", "events {}\nhttp {\n  include conf.d/*.conf;\n  include sites-enabled/*;\n}\n");
        folder.Write("conf.d/a.conf", InsecureSite);
        folder.Write("sites-available/default", InsecureSite);
        Directory.CreateDirectory(folder.Combine("sites-enabled"));
        File.CreateSymbolicLink(folder.Combine("sites-enabled/default"), "../sites-available/default");

        var result = Lint(folder, ".");

        Assert.Equal(3, result.FilesAnalyzed.Count);
        Assert.Equal(
            new[] { "conf.d/a.conf", "sites-enabled/default" },
            result.Findings.Select(finding => Path.GetRelativePath(folder.Path, finding.Location.FilePath)));
    }

    private static LintResult Lint(TemporaryFolder folder, params string[] paths) =>
        new LintEngine().Lint(paths, new LintOptions(), folder.Path);
}
