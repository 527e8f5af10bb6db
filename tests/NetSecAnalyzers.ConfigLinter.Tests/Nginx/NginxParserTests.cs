using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Nginx;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

public class NginxParserTests
{
    [Fact]
    public void NestedBlocks_BuildTreeWithParents()
    {
        var configuration = Read("""
            events {}
            http {
              server {
                listen 443 ssl;
                location /api { proxy_pass http://127.0.0.1:8080; }
              }
            }
            """);

        var http = configuration.Directives[1];
        var server = Assert.Single(http.Children);
        var location = server.Children[1];
        var proxyPass = Assert.Single(location.Children);
        Assert.Equal("http", http.Name);
        Assert.Equal(NginxBlockKind.Directives, server.BlockKind);
        Assert.Equal(new[] { "443", "ssl" }, server.Children[0].Arguments.Select(argument => argument.Text));
        Assert.Same(location, proxyPass.Parent);
        Assert.Same(http, server.Parent);
        Assert.Equal(5, location.Line);
        Assert.Equal(5, location.Column);
        Assert.Equal(NginxContext.Main, configuration.Context);
    }

    [Fact]
    public void Comments_AreKeptWithPositions()
    {
        var configuration = Read("# first\nhttp { # netsec-disable NETSEC001\n  add_header X a#b;\n}\n");

        var comments = configuration.MainFile.Comments;
        Assert.Equal(new[] { " first", " netsec-disable NETSEC001" }, comments.Select(comment => comment.Text));
        Assert.Equal(2, comments[1].Line);
        Assert.Equal(8, comments[1].Column);
    }

    [Fact]
    public void QuotedDirectiveNames_AreNames()
    {
        var configuration = Read("""
            "events" { }
            "http" { 'server' { 'listen' '127.0.0.1:80'; } }
            """);

        var listen = configuration.Directives[1].Children[0].Children[0];
        Assert.Equal("listen", listen.Name);
        Assert.True(listen.NameToken.IsQuoted);
    }

    [Fact]
    public void LuaBlock_IsOpaque()
    {
        var configuration = Read("""
            location / {
              content_by_lua_block {
                ngx.say("}")  -- a } in a comment
                local t = { a = 1 }
              }
              set_by_lua_block $res { return 1 }
              return 200;
            }
            """);

        var location = configuration.Directives[0];
        Assert.Equal(NginxBlockKind.Opaque, location.Children[0].BlockKind);
        Assert.Empty(location.Children[0].Children);
        Assert.Contains("local t = { a = 1 }", location.Children[0].OpaqueBody);
        Assert.Equal("$res", location.Children[1].Arguments[0].Text);
        Assert.Equal("return", location.Children[2].Name);
    }

    [Fact]
    public void MapLikeBlocks_HoldEntries()
    {
        var configuration = Read("""
            http {
              map $host $backend { hostnames; default 0; "~^(?<name>.+)\.example$" 1; '' 2; }
              types { text/html html htm; }
              geo $remote_addr $trusted { default 0; 10.0.0.0/8 1; }
              split_clients "${remote_addr}" $variant { 50% a; * b; }
              upstream app { server 127.0.0.1:8080; keepalive 8; }
            }
            """);

        var http = configuration.Directives[0];
        Assert.All(http.Children, block => Assert.Equal(NginxBlockKind.Entries, block.BlockKind));
        Assert.Equal(4, http.Children[0].Children.Count);
        Assert.Equal("server", http.Children[4].Children[0].Name);
    }

    [Fact]
    public void BlockInsideMap_IsUnexpectedBrace()
    {
        var error = Assert.Single(NginxFixture.SyntaxErrors("""
            http {
              map $a $b {
                default 0;
                lost { return 500; }
              }
            }
            """));

        Assert.Equal("unexpected \"{\"", error.Message);
        Assert.Equal(SourceLocation.OnLine(NginxFixture.FilePath, 4, 10, 1), error.Location);
    }

    [Fact]
    public void MissingSemicolonBeforeBrace_IsUnexpectedBrace()
    {
        var error = Assert.Single(NginxFixture.SyntaxErrors("""
            http {
              server {
                listen 80
              }
            }
            """));

        Assert.Equal("unexpected \"}\"", error.Message);
        Assert.Equal(4, error.Location!.StartLine);
        Assert.Equal(3, error.Location.StartColumn);
    }

    [Fact]
    public void UnterminatedQuote_IsUnexpectedEndOfFile()
    {
        var error = Assert.Single(NginxFixture.SyntaxErrors("http {\n  return 200 \"never closed;\n}\n"));

        Assert.Equal("unexpected end of file, expecting \";\" or \"}\" (the quoted string that starts at 2:14 is not closed)", error.Message);
        Assert.Equal(4, error.Location!.StartLine);
    }

    [Fact]
    public void UnterminatedSingleQuote_NamesWhereItOpens()
    {
        var error = Assert.Single(NginxFixture.SyntaxErrors("events {}\nhttp {\n  add_header X-A 'open;\n  server { listen 80; }\n}\n"));

        Assert.EndsWith("(the quoted string that starts at 3:18 is not closed)", error.Message);
    }

    [Fact]
    public void MissingSemicolonAtEnd_HasNoQuoteNote()
    {
        var error = Assert.Single(NginxFixture.SyntaxErrors("events {}\nhttp {\n  add_header X-A \"closed\";\n}\nuser nginx"));

        Assert.Equal("unexpected end of file, expecting \";\" or \"}\"", error.Message);
    }

    [Fact]
    public void ListenMissingSemicolon_IsInvalidParameter()
    {
        var diagnostics = new DiagnosticBag();
        var (text, spans) = NginxFixture.ParseMarkup("http {\n  server {\n    listen 443 ssl\n    [|ssl_protocols|] TLSv1.2;\n  }\n}\n");

        NginxFixture.Read(text, diagnostics);

        var notification = Assert.Single(diagnostics.Notifications);
        Assert.Equal(NginxNotificationCodes.InvalidValue, notification.Code);
        Assert.Equal("invalid parameter \"ssl_protocols\"", notification.Message);
        Assert.Equal(Assert.Single(spans), notification.Location);
    }

    [Theory]
    [InlineData("listen 443 ssl http2 default_server;")]
    [InlineData("listen [::]:443 quic reuseport ipv6only=on;")]
    [InlineData("listen unix:/run/nginx.sock backlog=511 rcvbuf=64k so_keepalive=30m::10 deferred bind;")]
    [InlineData("listen 8443 proxy_protocol fastopen=256 setfib=1 sndbuf=1m accept_filter=dataready;")]
    public void ListenKnownParameters_AreAccepted(string listen)
    {
        var diagnostics = new DiagnosticBag();

        NginxFixture.Read("http {\n  server {\n    " + listen + "\n  }\n}\n", diagnostics);

        Assert.Empty(diagnostics.Notifications);
    }

    [Fact]
    public void ListenInsideMap_IsNotChecked()
    {
        var diagnostics = new DiagnosticBag();

        NginxFixture.Read("http {\n  map $host $x {\n    listen anything-goes;\n  }\n}\n", diagnostics);

        Assert.Empty(diagnostics.Notifications);
    }

    [Fact]
    public void UnclosedBlock_ExpectsBrace()
    {
        var error = Assert.Single(NginxFixture.SyntaxErrors("http {\n  server {\n  }\n"));

        Assert.Equal("unexpected end of file, expecting \"}\"", error.Message);
        Assert.Equal(4, error.Location!.StartLine);
    }

    [Fact]
    public void ExtraClosingBrace_IsUnexpectedBrace()
    {
        var error = Assert.Single(NginxFixture.SyntaxErrors("events {}\n}\n"));

        Assert.Equal("unexpected \"}\"", error.Message);
        Assert.Equal(SourceLocation.OnLine(NginxFixture.FilePath, 2, 1, 1), error.Location);
    }

    [Fact]
    public void SemicolonWithoutDirective_IsUnexpectedSemicolon()
    {
        var error = Assert.Single(NginxFixture.SyntaxErrors("events {}\n;\n"));

        Assert.Equal("unexpected \";\"", error.Message);
    }

    [Fact]
    public void BlockWithoutName_IsUnexpectedBrace()
    {
        var error = Assert.Single(NginxFixture.SyntaxErrors("events {}\n{ }\n"));

        Assert.Equal("unexpected \"{\"", error.Message);
    }

    [Fact]
    public void BlockDirectiveWithSemicolon_HasNoOpeningBrace()
    {
        var error = Assert.Single(NginxFixture.SyntaxErrors("http {\n  location /a;\n}\n"));

        Assert.Equal("directive \"location\" has no opening \"{\"", error.Message);
        Assert.Equal(SourceLocation.OnLine(NginxFixture.FilePath, 2, 3, 8), error.Location);
    }

    [Fact]
    public void SimpleDirectiveWithBlock_IsNotTerminated()
    {
        var error = Assert.Single(NginxFixture.SyntaxErrors("http {\n  server {\n    listen 80 { }\n  }\n}\n"));

        Assert.Equal("directive \"listen\" is not terminated by \";\"", error.Message);
        Assert.Equal(SourceLocation.OnLine(NginxFixture.FilePath, 3, 5, 6), error.Location);
    }

    [Fact]
    public void UnquotedRegexQuantifier_IsReportedAtBrace()
    {
        var error = Assert.Single(NginxFixture.SyntaxErrors("""
            http {
              server {
                location ~ ^/\d{3}$ { return 404; }
              }
            }
            """));

        Assert.StartsWith("unexpected \"{\" inside a word: put the regular expression in quotes", error.Message);
        Assert.Equal(SourceLocation.OnLine(NginxFixture.FilePath, 3, 20, 1), error.Location);
    }

    [Fact]
    public void QuotedRegexQuantifier_IsAccepted()
    {
        Assert.Empty(NginxFixture.SyntaxErrors("""
            http {
              server {
                location ~ "^/\d{3}$" { return 404; }
                location /glued{ return 200; }
              }
            }
            """));
    }

    [Fact]
    public void ServerInUpstream_NeedsNoBlock()
    {
        Assert.Empty(NginxFixture.SyntaxErrors("http {\n  upstream app { server 127.0.0.1:8080; }\n}\n"));
    }

    [Fact]
    public void ServerInHttp_NeedsBlock()
    {
        var error = Assert.Single(NginxFixture.SyntaxErrors("http {\n  server 127.0.0.1;\n}\n"));

        Assert.Equal("directive \"server\" has no opening \"{\"", error.Message);
    }

    [Fact]
    public void AfterError_LaterStatementsAreRead()
    {
        var diagnostics = new DiagnosticBag();
        var configuration = NginxFixture.Read("""
            http {
              server {
                return 200 "a"-b;
                listen 443 ssl;
              }
              ;
              server { listen 8443 ssl; }
            }
            """, diagnostics);

        var servers = configuration.Directives[0].Children;
        Assert.Equal(2, servers.Count);
        Assert.Contains(servers[0].Children, directive => directive.Name == "listen");
        Assert.Equal("unexpected \"-\"", Assert.Single(diagnostics.Notifications).Message);
    }

    [Fact]
    public void DeepNesting_IsReportedWithoutCrash()
    {
        var text = string.Concat(Enumerable.Repeat("a {\n", 100_000));

        var error = Assert.Single(NginxFixture.SyntaxErrors(text));

        Assert.StartsWith("blocks and includes are nested more than 200 deep", error.Message);
    }

    [Fact]
    public void ByteOrderMark_IsReportedAsError()
    {
        var diagnostics = new DiagnosticBag();

        NginxFixture.Read("\uFEFFevents {}\n", diagnostics);

        var notification = Assert.Single(diagnostics.Notifications);
        Assert.Equal(NginxNotificationCodes.ByteOrderMark, notification.Code);
        Assert.Equal(NotificationLevel.Error, notification.Level);
    }

    [Fact]
    public void CrlfLineEndings_AreAccepted()
    {
        var diagnostics = new DiagnosticBag();

        var configuration = NginxFixture.Read("events {}\r\nhttp {\r\n  server_tokens off;\r\n}\r\n", diagnostics);

        Assert.Empty(diagnostics.Notifications);
        Assert.Equal(3, configuration.Directives[1].Children[0].Line);
    }

    [Theory]
    [InlineData("server { listen 443 ssl; }", NginxContext.Http)]
    [InlineData("location / { return 200; }", NginxContext.Server)]
    [InlineData("ssl_protocols TLSv1.2;", NginxContext.Http)]
    [InlineData("worker_processes 1; events {}", NginxContext.Main)]
    public void TopLevel_DecidesContext(string text, NginxContext expected)
    {
        Assert.Equal(expected, Read(text).Context);
    }

    private static NginxConfiguration Read(string text)
    {
        var diagnostics = new DiagnosticBag();
        var configuration = NginxFixture.Read(text, diagnostics);
        Assert.Empty(diagnostics.Notifications);
        return configuration;
    }
}
