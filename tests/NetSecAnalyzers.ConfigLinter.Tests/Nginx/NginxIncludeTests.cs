using System;
using System.IO;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Nginx;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

public sealed class NginxIncludeTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "netsec-nginx-" + Guid.NewGuid().ToString("N"));

    public NginxIncludeTests() => Directory.CreateDirectory(root);

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void GlobInclude_ReadsMatchesInSortedOrder()
    {
        Write("conf.d/b.conf", "server { listen 81; }\n");
        Write("conf.d/a.conf", "server { listen 80; }\n");
        Write("conf.d/.hidden.conf", "server { listen 82; }\n");
        Write("conf.d/c.txt", "server { listen 83; }\n");
        var main = Write("nginx.conf", "events {}\nhttp {\n  include conf.d/*.conf;\n}\n");
        var diagnostics = new DiagnosticBag();

        var configuration = NginxReader.ReadFile(main, diagnostics)!;

        var http = configuration.Directives[1];
        var ports = http.Children.Where(directive => directive.Name == "server").Select(server => server.Children[0].Arguments[0].Text);
        Assert.Equal(new[] { "80", "81" }, ports);
        Assert.Empty(diagnostics.Notifications);
        Assert.Equal(2, http.Children[0].IncludedFiles.Count);
    }

    [Fact]
    public void RepeatedSnippet_EachServerOwnsDirectives()
    {
        // The file cache keeps the text from the second read on, the reader records its lexemes on the
        // third and replays them from the fourth.
        var snippet = Write("snippets/headers.conf", "# Headers\nadd_header X-Frame-Options DENY always;\nadd_header Referrer-Policy \"no-referrer\";\n");
        var servers = string.Concat(Enumerable.Range(0, 6).Select(port => "  server {\n    listen " + (8080 + port) + ";\n    include snippets/headers.conf;\n  }\n"));
        var main = Write("nginx.conf", "http {\n" + servers + "}\n");
        var diagnostics = new DiagnosticBag();

        var configuration = NginxReader.ReadFile(main, diagnostics)!;

        Assert.Empty(diagnostics.Notifications);
        var serverBlocks = configuration.Directives[0].Children;
        Assert.Equal(6, serverBlocks.Count);
        foreach (var server in serverBlocks)
        {
            var headers = server.Children.Where(directive => directive.Name == "add_header").ToList();
            Assert.Equal(2, headers.Count);
            Assert.All(headers, header => Assert.Same(server, header.Parent));
            Assert.Equal(new[] { 2, 3 }, headers.Select(header => header.Line));
            Assert.Equal("no-referrer", headers[1].Arguments[1].Text);
            Assert.Equal(snippet, headers[0].FilePath);
            var include = server.Children[1];
            Assert.Same(include, Assert.Single(include.IncludedFiles).IncludeChain[0]);
        }

        var includedFiles = configuration.Files.Skip(1).ToList();
        Assert.Equal(6, includedFiles.Count);
        Assert.All(includedFiles, file => Assert.Equal(" Headers", Assert.Single(file.Comments).Text));
    }

    [Fact]
    public void SnippetWordError_ReportsPerInclude()
    {
        // An error inside a word keeps the reader from replaying the file, so each read finds it again.
        Write("snippets/bad.conf", "add_header X-Frame-Options \"DENY\"always;\n");
        var servers = string.Concat(Enumerable.Range(0, 6).Select(port => "  server {\n    listen " + (8080 + port) + ";\n    include snippets/bad.conf;\n  }\n"));
        var main = Write("nginx.conf", "http {\n" + servers + "}\n");
        var diagnostics = new DiagnosticBag();

        NginxReader.ReadFile(main, diagnostics);

        var errors = diagnostics.Notifications.Where(notification => notification.Code == NginxNotificationCodes.Syntax).ToList();
        Assert.Equal(6, errors.Count);
        Assert.All(errors, error => Assert.Contains("unexpected \"a\"", error.Message));
    }

    [Fact]
    public void IncludedDirectives_KeepFilePositionAndChain()
    {
        var snippet = Write("snippets/tls.conf", "# TLS\nssl_protocols TLSv1.2;\n");
        var main = Write("nginx.conf", "http {\n  server {\n    include snippets/tls.conf;\n  }\n}\n");

        var configuration = NginxReader.ReadFile(main, new DiagnosticBag())!;

        var server = configuration.Directives[0].Children[0];
        var protocols = server.Children[1];
        Assert.Equal("ssl_protocols", protocols.Name);
        Assert.Equal(snippet, protocols.FilePath);
        Assert.Equal(2, protocols.Line);
        Assert.Same(server, protocols.Parent);
        Assert.Same(server.Children[0], Assert.Single(protocols.File.IncludeChain));
    }

    [Fact]
    public void NestedRelativeInclude_ResolvesAgainstMainFolder()
    {
        Write("locations/a.conf", "location /a { return 200; }\n");
        Write("servers/locations/a.conf", "this is not the file;\n");
        Write("servers/site.conf", "server {\n  include locations/*.conf;\n}\n");
        var main = Write("nginx.conf", "http {\n  include servers/site.conf;\n}\n");

        var configuration = NginxReader.ReadFile(main, new DiagnosticBag())!;

        var server = configuration.Directives[0].Children[1];
        Assert.Equal("location", server.Children[1].Name);
    }

    [Fact]
    public void GlobWithoutMatch_IsNotAnError()
    {
        var main = Write("nginx.conf", "http {\n  include nowhere/*.conf;\n}\n");
        var diagnostics = new DiagnosticBag();

        NginxReader.ReadFile(main, diagnostics);

        Assert.Empty(diagnostics.Notifications);
    }

    [Fact]
    public void MissingFile_IsReportedAsNginxWordsIt()
    {
        var main = Write("nginx.conf", "http {\n  include missing.conf;\n}\n");
        var diagnostics = new DiagnosticBag();

        NginxReader.ReadFile(main, diagnostics);

        var notification = Assert.Single(diagnostics.Notifications);
        Assert.Equal(NginxNotificationCodes.Include, notification.Code);
        Assert.Equal("open() \"" + Path.Combine(root, "missing.conf") + "\" failed (2: No such file or directory)", notification.Message);
        Assert.Equal(SourceLocation.OnLine(main, 2, 3, 7), notification.Location);
    }

    [Fact]
    public void IncludeUnderPrefix_ReadsLintedFolder()
    {
        var site = Write("sites-enabled/default", "server {\n  listen 443 ssl;\n  server_tokens off;\n  ssl_protocols TLSv1;\n}\n");
        var main = Write("nginx.conf", "events {}\nhttp {\n  include /etc/nginx/sites-enabled/*;\n}\n");
        var diagnostics = new DiagnosticBag();

        NginxLinter.Lint(new[] { main }, new LintOptions(), diagnostics);

        Assert.Empty(diagnostics.Notifications);
        Assert.Equal(site, Assert.Single(diagnostics.Findings, NginxFixture.IsLegacyTlsProtocol).Location.FilePath);
    }

    [Fact]
    public void IncludeUnderPrefix_EmptyFolder_ReadsNothing()
    {
        Directory.CreateDirectory(Path.Combine(root, "sites-enabled"));
        var main = Write("nginx.conf", "events {}\nhttp {\n  include /etc/nginx/sites-enabled/*;\n}\n");
        var diagnostics = new DiagnosticBag();

        var configuration = NginxReader.ReadFile(main, diagnostics)!;

        Assert.Empty(diagnostics.Notifications);
        Assert.Single(configuration.Files);
    }

    [Fact]
    public void MissingFileUnderPrefix_IsNoteWithoutMachinePath()
    {
        var main = Write("nginx.conf", "http {\n  include /etc/nginx/mime.types;\n}\n");
        var diagnostics = new DiagnosticBag();

        NginxReader.ReadFile(main, diagnostics);

        var notification = Assert.Single(diagnostics.Notifications);
        Assert.Equal(NginxNotificationCodes.IncludeNotChecked, notification.Code);
        Assert.Equal(NotificationLevel.Note, notification.Level);
        Assert.Equal("\"/etc/nginx/mime.types\" is not in the linted folder (looked for \"mime.types\"), so the directives of that file are not checked", notification.Message);
        Assert.Equal(SourceLocation.OnLine(main, 2, 3, 7), notification.Location);
    }

    [Fact]
    public void AbsoluteIncludeOutsideTree_IsNotReadFromMachine()
    {
        var outside = Path.Combine(root, "machine", "tls.conf");
        Directory.CreateDirectory(Path.GetDirectoryName(outside)!);
        File.WriteAllText(outside, "ssl_protocols TLSv1;\n");
        var main = Write("repo/nginx.conf", "http {\n  include " + outside + ";\n}\n");
        var diagnostics = new DiagnosticBag();

        NginxLinter.Lint(new[] { main }, new LintOptions(), diagnostics);

        Assert.Empty(diagnostics.Findings);
        var notification = Assert.Single(diagnostics.Notifications);
        Assert.Equal(NginxNotificationCodes.IncludeNotChecked, notification.Code);
        Assert.Equal(NotificationLevel.Note, notification.Level);
    }

    [Fact]
    public void AbsoluteIncludeInsideTree_IsRead()
    {
        var snippet = Write("snippets/tls.conf", "ssl_protocols TLSv1;\n");
        var main = Write("nginx.conf", "http {\n  include " + snippet + ";\n}\n");
        var diagnostics = new DiagnosticBag();

        NginxLinter.Lint(new[] { main }, new LintOptions(), diagnostics);

        Assert.Empty(diagnostics.Notifications);
        Assert.Equal(snippet, Assert.Single(diagnostics.Findings).Location.FilePath);
    }

    [Fact]
    public void CustomPrefix_MapsOnlyThatPrefix()
    {
        var snippet = Write("conf.d/tls.conf", "ssl_protocols TLSv1;\n");
        var main = Write("nginx.conf", "http {\n  include /usr/local/nginx/conf/conf.d/*.conf;\n  include /etc/nginx/conf.d/*.conf;\n}\n");
        var diagnostics = new DiagnosticBag();

        NginxLinter.Lint(new[] { main }, new LintOptions { NginxPrefix = "/usr/local/nginx/conf" }, diagnostics);

        Assert.Equal(snippet, Assert.Single(diagnostics.Findings).Location.FilePath);
        var notification = Assert.Single(diagnostics.Notifications);
        Assert.Equal(NginxNotificationCodes.IncludeNotChecked, notification.Code);
        Assert.Equal(3, notification.Location!.StartLine);
    }

    [Fact]
    public void IncludeCycle_IsReportedAndEnds()
    {
        Write("a.conf", "include b.conf;\n");
        Write("b.conf", "include a.conf;\n");
        var main = Write("nginx.conf", "http {\n  include a.conf;\n}\n");
        var diagnostics = new DiagnosticBag();

        var configuration = NginxReader.ReadFile(main, diagnostics)!;

        var notification = Assert.Single(diagnostics.Notifications);
        Assert.Equal(NginxNotificationCodes.IncludeCycle, notification.Code);
        Assert.Equal(Path.Combine(root, "b.conf"), notification.Location!.FilePath);
        Assert.Equal("include cycle: \"a.conf\" is already being read (nginx.conf -> a.conf -> b.conf -> a.conf); remove the include that closes the loop", notification.Message);
        Assert.Equal(3, configuration.Files.Count);
    }

    [Fact]
    public void SelfInclude_IsCycle()
    {
        var main = Write("nginx.conf", "include nginx.conf;\n");
        var diagnostics = new DiagnosticBag();

        NginxReader.ReadFile(main, diagnostics);

        Assert.Equal(NginxNotificationCodes.IncludeCycle, Assert.Single(diagnostics.Notifications).Code);
    }

    [Fact]
    public void SyntaxErrorInIncludedFile_NamesThatFile()
    {
        var snippet = Write("conf.d/broken.conf", "server {\n  listen 80\n}\n");
        var main = Write("nginx.conf", "http {\n  include conf.d/*.conf;\n}\nevents {}\n");
        var diagnostics = new DiagnosticBag();

        var configuration = NginxReader.ReadFile(main, diagnostics)!;

        var error = Assert.Single(diagnostics.Notifications);
        Assert.Equal(SourceLocation.OnLine(snippet, 3, 1, 1), error.Location);
        Assert.Equal("events", configuration.Directives[1].Name);
    }

    [Fact]
    public void Lint_AnalyzesIncludedFileThroughIncluder()
    {
        var snippet = Write("conf.d/site.conf", "server {\n  listen 443 ssl;\n  server_tokens off;\n  ssl_protocols TLSv1 TLSv1.2;\n}\n");
        var main = Write("nginx.conf", "events {}\nhttp {\n  include conf.d/*.conf;\n}\n");
        var diagnostics = new DiagnosticBag();

        NginxLinter.Lint(new[] { snippet, main }, new LintOptions(), diagnostics);

        var finding = Assert.Single(diagnostics.Findings, NginxFixture.IsLegacyTlsProtocol);
        Assert.Equal(snippet, finding.Location.FilePath);
        var related = Assert.Single(finding.RelatedLocations);
        Assert.Equal(SourceLocation.OnLine(main, 3, 3, 7), related.Location);
        Assert.Equal("\"site.conf\" is included here", related.Message);
    }

    [Fact]
    public void Lint_NestedInclude_RelatedMessagesNameFilesOnly()
    {
        Write("snippets/tls.conf", "ssl_protocols TLSv1;\n");
        var site = Write("sites-enabled/default", "server {\n  listen 443 ssl;\n  server_tokens off;\n  include snippets/tls.conf;\n}\n");
        var main = Write("nginx.conf", "events {}\nhttp {\n  include sites-enabled/*;\n}\n");
        var diagnostics = new DiagnosticBag();

        NginxLinter.Lint(new[] { main }, new LintOptions(), diagnostics);

        var related = Assert.Single(diagnostics.Findings, NginxFixture.IsLegacyTlsProtocol).RelatedLocations;
        Assert.Equal(new[] { main, site }, related.Select(link => link.Location.FilePath));
        Assert.Equal(new[] { "\"default\" is included here", "\"tls.conf\" is included here" }, related.Select(link => link.Message));
        Assert.All(related, link => Assert.DoesNotContain(root, link.Message));
    }

    [Fact]
    public void Lint_SnippetOfTwoMainFiles_ReportsOnce()
    {
        var snippet = Write("snippets/tls.conf", "ssl_protocols TLSv1;\n");
        var first = Write("a/nginx.conf", "http {\n  include ../snippets/tls.conf;\n}\n");
        var second = Write("b/nginx.conf", "http {\n  include ../snippets/tls.conf;\n}\n");
        var diagnostics = new DiagnosticBag();

        NginxLinter.Lint(new[] { first, second, snippet }, new LintOptions(), diagnostics);

        Assert.Equal(snippet, Path.GetFullPath(Assert.Single(diagnostics.Findings).Location.FilePath));
    }

    [Fact]
    public void Lint_LinkedSiteFile_ReportsOnceUnderIncludedPath()
    {
        Write("sites-available/default", "server {\n  listen 443 ssl;\n  server_tokens off;\n  ssl_protocols TLSv1;\n}\n");
        Directory.CreateDirectory(Path.Combine(root, "sites-enabled"));
        var link = Path.Combine(root, "sites-enabled", "default");
        File.CreateSymbolicLink(link, Path.Combine("..", "sites-available", "default"));
        var main = Write("nginx.conf", "events {}\nhttp {\n  include sites-enabled/*;\n}\n");
        var diagnostics = new DiagnosticBag();

        NginxLinter.Lint(new[] { main, Path.Combine(root, "sites-available", "default"), link }, new LintOptions(), diagnostics);

        var finding = Assert.Single(diagnostics.Findings, NginxFixture.IsLegacyTlsProtocol);
        Assert.Equal(link, finding.Location.FilePath);
        Assert.Empty(diagnostics.Notifications);
    }

    [Fact]
    public void Lint_CopiedSiteFile_IsItsOwnRoot()
    {
        var available = Write("sites-available/default", "server {\n  listen 443 ssl;\n  server_tokens off;\n  ssl_protocols TLSv1;\n}\n");
        var enabled = Write("sites-enabled/default", "server {\n  listen 443 ssl;\n  server_tokens off;\n  ssl_protocols TLSv1;\n}\n");
        var main = Write("nginx.conf", "events {}\nhttp {\n  include sites-enabled/*;\n}\n");
        var diagnostics = new DiagnosticBag();

        NginxLinter.Lint(new[] { main, available, enabled }, new LintOptions(), diagnostics);

        Assert.Equal(
            new[] { available, enabled },
            diagnostics.Findings.Where(NginxFixture.IsLegacyTlsProtocol).Select(finding => finding.Location.FilePath).OrderBy(path => path, StringComparer.Ordinal));
    }

    [Fact]
    public void LinkBackToMainFile_IsCycle()
    {
        var main = Write("nginx.conf", "http {\n  include conf.d/*.conf;\n}\n");
        Directory.CreateDirectory(Path.Combine(root, "conf.d"));
        File.CreateSymbolicLink(Path.Combine(root, "conf.d", "loop.conf"), main);
        var diagnostics = new DiagnosticBag();

        var configuration = NginxReader.ReadFile(main, diagnostics)!;

        Assert.Equal(NginxNotificationCodes.IncludeCycle, Assert.Single(diagnostics.Notifications).Code);
        Assert.Single(configuration.Files);
    }

    [Fact]
    public void Lint_UnreadableFile_IsNotification()
    {
        var diagnostics = new DiagnosticBag();

        NginxLinter.Lint(new[] { Path.Combine(root, "absent.conf") }, new LintOptions(), diagnostics);

        Assert.Equal(NginxNotificationCodes.Include, Assert.Single(diagnostics.Notifications).Code);
    }

    [Theory]
    [InlineData("a.conf", "*.conf", true)]
    [InlineData(".a.conf", "*.conf", false)]
    [InlineData(".a.conf", ".*.conf", true)]
    [InlineData("a1.conf", "a?.conf", true)]
    [InlineData("a12.conf", "a?.conf", false)]
    [InlineData("b.conf", "[ab].conf", true)]
    [InlineData("c.conf", "[a-b].conf", false)]
    [InlineData("c.conf", "[!ab].conf", true)]
    [InlineData("a.conf", "[!ab].conf", false)]
    [InlineData("a.conf.bak", "*.conf", false)]
    public void GlobSegment_MatchesLikePosixGlob(string name, string pattern, bool expected)
    {
        Assert.Equal(expected, NginxGlob.IsMatch(name, pattern));
    }

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
