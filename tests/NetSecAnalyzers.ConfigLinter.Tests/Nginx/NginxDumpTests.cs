using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Nginx;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

/// <summary>The output of <c>nginx -T</c> read as the files it lists, with their original paths and lines.</summary>
public class NginxDumpTests
{
    private const string Dump =
        "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n" +
        "nginx: configuration file /etc/nginx/nginx.conf test is successful\n" +
        "# configuration file /etc/nginx/nginx.conf:\n" +
        "events {}\n" +
        "http {\n" +
        "  server_tokens off;\n" +
        "  include /etc/nginx/conf.d/*.conf;\n" +
        "  include mime.types;\n" +
        "}\n" +
        "\n" +
        "# configuration file /etc/nginx/conf.d/b.conf:\n" +
        "server {\n" +
        "  listen 8443 ssl;\n" +
        "  ssl_protocols TLSv1 TLSv1.2;\n" +
        "}\n" +
        "\n" +
        "# configuration file /etc/nginx/conf.d/a.conf:\n" +
        "server {\n" +
        "  listen 443 ssl;\n" +
        "\n" +
        "  ssl_protocols SSLv3 TLSv1.2;\n" +
        "}\n" +
        "\n" +
        "# configuration file /etc/nginx/mime.types:\n" +
        "types { text/html html; }\n" +
        "\n";

    [Fact]
    public void Split_ReturnsFilesWithOriginalText()
    {
        var files = NginxDump.Split(Dump);

        Assert.Equal(
            new[] { "/etc/nginx/nginx.conf", "/etc/nginx/conf.d/b.conf", "/etc/nginx/conf.d/a.conf", "/etc/nginx/mime.types" },
            files.Select(file => file.Path));
        Assert.Equal("server {\n  listen 443 ssl;\n\n  ssl_protocols SSLv3 TLSv1.2;\n}\n", files[2].Text);
        Assert.Equal("types { text/html html; }\n", files[3].Text);
    }

    [Fact]
    public void IsDump_RecognisesDumpOnly()
    {
        Assert.True(NginxDump.IsDump(Dump));
        Assert.True(NginxDump.IsDump("# configuration file /etc/nginx/nginx.conf:\nevents {}\n"));
        Assert.False(NginxDump.IsDump("# configuration for the shop\nevents {}\n"));
        Assert.False(NginxDump.IsDump("events {}\nhttp {}\n"));
    }

    [Fact]
    public void Recognizer_AcceptsDumpWithTextExtension()
    {
        Assert.True(NginxLinter.IsNginxConfiguration("/tmp/nginx-T.txt", Dump));
    }

    [Fact]
    public void Lint_ReportsInOriginalFilesAndLines()
    {
        using var folder = new TemporaryFolder();
        folder.Write("nginx-T.txt", Dump);

        var result = new LintEngine().Lint(new[] { "nginx-T.txt" }, new LintOptions(), folder.Path);

        Assert.Empty(result.Notifications);
        var legacy = result.Findings.Where(NginxFixture.IsLegacyTlsProtocol).Select(finding => (finding.Location.FilePath, finding.Location.StartLine)).ToList();
        Assert.Equal(new[] { ("/etc/nginx/conf.d/a.conf", 4), ("/etc/nginx/conf.d/b.conf", 3) }, legacy);
        Assert.Contains("/etc/nginx/mime.types", result.FilesAnalyzed);
    }

    [Fact]
    public void SyntaxErrorInDumpedFile_NamesOriginalFile()
    {
        using var folder = new TemporaryFolder();
        folder.Write("dump.txt", "# configuration file /etc/nginx/nginx.conf:\nevents {}\ninclude /etc/nginx/extra.conf;\n\n# configuration file /etc/nginx/extra.conf:\n\nhttp {\n  server_tokens off\n}\n\n");

        var result = new LintEngine().Lint(new[] { "dump.txt" }, new LintOptions(), folder.Path);

        var error = Assert.Single(result.Notifications, notification => notification.Code == NginxNotificationCodes.Syntax);
        Assert.Equal("/etc/nginx/extra.conf", error.Location!.FilePath);
        Assert.Equal(4, error.Location.StartLine);
    }

    [Fact]
    public void IncludeMissingFromDump_IsError()
    {
        using var folder = new TemporaryFolder();
        folder.Write("dump.txt", "# configuration file /etc/nginx/nginx.conf:\nevents {}\ninclude /etc/nginx/gone.conf;\n\n");

        var result = new LintEngine().Lint(new[] { "dump.txt" }, new LintOptions(), folder.Path);

        var error = Assert.Single(result.Notifications);
        Assert.Equal(NginxNotificationCodes.Include, error.Code);
        Assert.Equal(NotificationLevel.Error, error.Level);
        Assert.Equal("/etc/nginx/nginx.conf", error.Location!.FilePath);
    }
}
