using System.IO;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Nginx;
using NetSecAnalyzers.ConfigLinter.Tests.Nginx;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Tests.Workspace;

/// <summary>
/// <see cref="LintEngine.LintTexts"/>, the entry point the analyzer package uses: texts come from the host
/// and nothing is read from disk, so the paths below exist nowhere.
/// </summary>
public sealed class InMemoryLintTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "netsec-in-memory-" + System.Guid.NewGuid().ToString("N"));

    private const string InsecureSite = "server {\n  listen 443 ssl;\n  server_tokens off;\n  ssl_protocols TLSv1;\n}\n";

    [Fact]
    public void MainFileText_ReportsAtItsPath()
    {
        var main = At("nginx/nginx.conf");

        var result = Lint(new[] { new ConfigFileText(main, "events {}\nhttp {\n" + InsecureSite + "}\n") });

        var finding = Assert.Single(result.Findings, NginxFixture.IsLegacyTlsProtocol);
        Assert.Equal(main, finding.Location.FilePath);
        Assert.Equal(6, finding.Location.StartLine);
    }

    [Fact]
    public void IncludeGlob_ResolvesAmongTexts()
    {
        var main = new ConfigFileText(At("nginx/nginx.conf"), "events {}\nhttp {\n  include conf.d/*.conf;\n}\n");
        var site = new ConfigFileText(At("nginx/conf.d/site.conf"), InsecureSite);

        var result = Lint(new[] { main, site });

        var finding = Assert.Single(result.Findings, NginxFixture.IsLegacyTlsProtocol);
        Assert.Equal(site.Path, finding.Location.FilePath);
        Assert.Empty(result.Notifications);
    }

    [Fact]
    public void IncludeOfMissingText_IsReportedNotReadFromDisk()
    {
        var main = new ConfigFileText(At("nginx/nginx.conf"), "events {}\nhttp {\n  include mime.types;\n}\n");

        var result = Lint(new[] { main });

        var notification = Assert.Single(result.Notifications);
        Assert.Equal(NginxNotificationCodes.Include, notification.Code);
        Assert.Contains("mime.types", notification.Message);
    }

    [Fact]
    public void TextOutsidePathsToLint_IsOnlyIncludable()
    {
        var main = new ConfigFileText(At("nginx/nginx.conf"), "events {}\nhttp {\n  include conf.d/*.conf;\n}\n");
        var site = new ConfigFileText(At("nginx/conf.d/site.conf"), InsecureSite);
        var other = new ConfigFileText(At("other/nginx.conf"), "events {}\nhttp {\n" + InsecureSite + "}\n");

        var result = new LintEngine().LintTexts(new[] { main, site, other }, new[] { main.Path }, new LintOptions(), Root);

        var finding = Assert.Single(result.Findings, NginxFixture.IsLegacyTlsProtocol);
        Assert.Equal(site.Path, finding.Location.FilePath);
    }

    [Fact]
    public void InlineSuppression_AppliesToText()
    {
        var site = new ConfigFileText(
            At("nginx/conf.d/site.conf"),
            "server {\n  listen 443 ssl;\n  server_tokens off;\n  # netsec-disable-next-line NETSEC001: old clients\n  ssl_protocols TLSv1 TLSv1.2;\n}\n");

        var result = Lint(new[] { site });

        var finding = Assert.Single(result.Findings, NginxFixture.IsLegacyTlsProtocol);
        Assert.True(finding.IsSuppressed);
    }

    [Fact]
    public void UnrecognizedText_IsSkippedWithoutNote()
    {
        var readme = new ConfigFileText(At("README.md"), "# Deployment notes\n");

        var result = Lint(new[] { readme });

        Assert.Empty(result.Findings);
        Assert.Empty(result.Notifications);
        Assert.Empty(result.FilesAnalyzed);
    }

    private static LintResult Lint(ConfigFileText[] texts) =>
        new LintEngine().LintTexts(texts, texts.Select(text => text.Path).ToArray(), new LintOptions(), Root);

    private static string At(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
}
