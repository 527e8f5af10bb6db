using System;
using System.IO;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Tests.Suppressions;

/// <summary>Suppression comments in nginx files, applied by <see cref="LintEngine"/>.</summary>
public sealed class InlineSuppressionTests
{
    [Fact]
    public void NextLine_SuppressesFollowingDirective()
    {
        var result = Lint("""
            http {
                # netsec-disable-next-line NETSEC001: legacy point-of-sale terminals
                ssl_protocols TLSv1 TLSv1.2;
                ssl_protocols TLSv1.1;
            }
            """);

        var suppressed = Assert.Single(result.Findings, finding => finding.IsSuppressed);
        Assert.Equal(3, suppressed.Location.StartLine);
        Assert.Equal("legacy point-of-sale terminals", suppressed.Suppression!.Justification);
        Assert.Equal(2, suppressed.Suppression.Location.StartLine);
        var reported = Assert.Single(result.Findings, finding => !finding.IsSuppressed);
        Assert.Equal(4, reported.Location.StartLine);
        Assert.Empty(result.Notifications);
    }

    [Fact]
    public void NextLine_SkipsBlankAndCommentLines()
    {
        var result = Lint("""
            http {
                # netsec-disable-next-line NETSEC001: legacy clients

                # TLS 1.0 stays until the terminals are replaced.
                ssl_protocols TLSv1;
            }
            """);

        Assert.True(Assert.Single(result.Findings).IsSuppressed);
    }

    [Fact]
    public void NextLine_CoversDirectiveOverSeveralLines()
    {
        var result = Lint("""
            http {
                # netsec-disable-next-line NETSEC001: legacy clients
                ssl_protocols TLSv1.2
                              TLSv1.1;
            }
            """);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(4, finding.Location.StartLine);
        Assert.True(finding.IsSuppressed);
    }

    [Fact]
    public void SameLine_SuppressesItsDirective()
    {
        var result = Lint("""
            http {
                server_tokens on; # netsec-disable-line NETSEC036: the CDN removes the Server header
                ssl_protocols TLSv1;
            }
            """);

        var suppressed = Assert.Single(result.Findings, finding => finding.IsSuppressed);
        Assert.Equal("NETSEC036", suppressed.Rule.Id);
        Assert.Equal("the CDN removes the Server header", suppressed.Suppression!.Justification);
        Assert.Equal("NETSEC001", Assert.Single(result.Findings, finding => !finding.IsSuppressed).Rule.Id);
    }

    [Fact]
    public void SameLine_DoesNotReachNextLine()
    {
        var result = Lint("""
            http {
                ssl_prefer_server_ciphers on; # netsec-disable-line NETSEC001: wrong line
                ssl_protocols TLSv1;
            }
            """);

        Assert.False(Assert.Single(result.Findings).IsSuppressed);
        var unused = Assert.Single(result.Notifications);
        Assert.Equal(NotificationCodes.SuppressionUnused, unused.Code);
    }

    [Fact]
    public void FileLevel_SuppressesWholeFile()
    {
        var result = Lint("""
            # netsec-disable-file NETSEC001: internal test environment
            http {
                ssl_protocols TLSv1;
                server {
                    listen 443 ssl;
                    ssl_protocols TLSv1.1;
                }
            }
            """);

        Assert.Equal(2, result.Findings.Count(finding => finding.Rule.Id == "NETSEC001"));
        Assert.All(
            result.Findings.Where(finding => finding.Rule.Id == "NETSEC001"),
            finding => Assert.Equal("internal test environment", finding.Suppression?.Justification));
    }

    [Fact]
    public void FileLevel_LeavesOtherFilesAlone()
    {
        using var folder = new TemporaryFolder();
        folder.Write("nginx.conf", "http {\n    include site.conf;\n    ssl_protocols TLSv1;\n}\n");
        folder.Write("site.conf", "# netsec-disable-file NETSEC001: reviewed\nssl_protocols TLSv1.1;\n");

        var result = new LintEngine().Lint(new[] { "nginx.conf" }, new LintOptions(), folder.Path);

        Assert.True(Assert.Single(result.Findings, finding => finding.Location.FilePath.EndsWith("site.conf")).IsSuppressed);
        Assert.False(Assert.Single(result.Findings, finding => finding.Location.FilePath.EndsWith("nginx.conf")).IsSuppressed);
    }

    [Fact]
    public void LineComment_ReasonWinsOverFileComment()
    {
        var result = Lint("""
            # netsec-disable-file NETSEC001: test environment
            http {
                ssl_protocols TLSv1; # netsec-disable-line NETSEC001: legacy clients
            }
            """);

        Assert.Equal("legacy clients", Assert.Single(result.Findings).Suppression?.Justification);
        Assert.Empty(result.Notifications);
    }

    [Theory]
    [InlineData("NETSEC001, NETSEC036")]
    [InlineData("NETSEC001,NETSEC036")]
    [InlineData("NETSEC001 NETSEC036")]
    [InlineData("netsec001, netsec036")]
    public void SeveralIds_SuppressEach(string ids)
    {
        var result = Lint($$"""
            http {
                # netsec-disable-next-line {{ids}}: lab server behind a VPN
                ssl_protocols TLSv1;
                # netsec-disable-next-line {{ids}}: lab server behind a VPN
                server_tokens on;
            }
            """);

        Assert.Equal(new[] { "NETSEC001", "NETSEC036" }, result.Findings.Select(finding => finding.Rule.Id).OrderBy(id => id));
        Assert.All(result.Findings, finding => Assert.True(finding.IsSuppressed));
        Assert.Equal(2, result.Notifications.Count(notification => notification.Code == NotificationCodes.SuppressionUnused));
    }

    [Fact]
    public void UnknownId_IsWarningAndOthersApply()
    {
        var result = Lint("""
            http {
                ssl_protocols TLSv1; # netsec-disable-line NETSEC999, NETSEC001: legacy clients
            }
            """);

        Assert.True(Assert.Single(result.Findings).IsSuppressed);
        var warning = Assert.Single(result.Notifications);
        Assert.Equal(NotificationCodes.SuppressionUnknownRule, warning.Code);
        Assert.Equal(NotificationLevel.Warning, warning.Level);
        Assert.Contains("'NETSEC999'", warning.Message);
        Assert.Equal(2, warning.Location!.StartLine);
        Assert.Equal(48, warning.Location.StartColumn);
        Assert.Equal(57, warning.Location.EndColumn);
    }

    [Theory]
    [InlineData("# netsec-disable-next-line NETSEC001")]
    [InlineData("# netsec-disable-next-line NETSEC001:")]
    [InlineData("# netsec-disable-next-line NETSEC001:   ")]
    [InlineData("# netsec-disable-next-line NETSEC001 reason without colon")]
    public void MissingReason_IsWarningAndDoesNotSuppress(string comment)
    {
        var result = Lint("http {\n    " + comment + "\n    ssl_protocols TLSv1;\n}\n");

        Assert.False(Assert.Single(result.Findings).IsSuppressed);
        var warning = Assert.Single(result.Notifications);
        Assert.Equal(NotificationCodes.SuppressionMissingReason, warning.Code);
        Assert.Equal(NotificationLevel.Warning, warning.Level);
        Assert.Equal(2, warning.Location!.StartLine);
        Assert.Equal(5, warning.Location.StartColumn);
    }

    [Fact]
    public void MissingReason_HintUsesFormWritten()
    {
        var result = Lint("http {\n    ssl_protocols TLSv1; # netsec-disable-line NETSEC001\n}\n");

        var warning = Assert.Single(result.Notifications);
        Assert.Contains("as in '# netsec-disable-line NETSEC036: ", warning.Message);
    }

    [Theory]
    [InlineData("# netsec-disable-nextline NETSEC001: typo in the form")]
    [InlineData("# netsec-disable-next-line : no rule ID")]
    [InlineData("# netsec-disable-next-line")]
    public void MalformedComment_IsWarningAndDoesNotSuppress(string comment)
    {
        var result = Lint("http {\n    " + comment + "\n    ssl_protocols TLSv1;\n}\n");

        Assert.False(Assert.Single(result.Findings).IsSuppressed);
        var warning = Assert.Single(result.Notifications);
        Assert.Equal(NotificationCodes.SuppressionInvalid, warning.Code);
        Assert.Equal(NotificationLevel.Warning, warning.Level);
    }

    [Fact]
    public void MatchingNothing_IsUnusedNote()
    {
        var result = Lint("""
            http {
                # netsec-disable-next-line NETSEC036: the CDN removes the Server header
                ssl_protocols TLSv1.2;
            }
            # netsec-disable-next-line NETSEC001: nothing follows
            """);

        Assert.Empty(result.Findings);
        Assert.Equal(2, result.Notifications.Count);
        Assert.All(result.Notifications, notification => Assert.Equal(NotificationCodes.SuppressionUnused, notification.Code));
        Assert.All(result.Notifications, notification => Assert.Equal(NotificationLevel.Note, notification.Level));
        Assert.Equal(new[] { 2, 5 }, result.Notifications.Select(notification => notification.Location!.StartLine));
        Assert.Equal(32, result.Notifications[0].Location!.StartColumn);
    }

    [Fact]
    public void OrdinaryComment_IsIgnored()
    {
        var result = Lint("""
            http {
                # netsec is run in CI; NETSEC001 is fixed in the next release.
                ssl_protocols TLSv1; # see netsec-disable-line docs
            }
            """);

        Assert.False(Assert.Single(result.Findings).IsSuppressed);
        Assert.Empty(result.Notifications);
    }

    [Fact]
    public void HashInsideWord_IsNotComment()
    {
        var result = Lint("""
            http {
                add_header X-Note a#netsec-disable-line;
                ssl_protocols TLSv1;
            }
            """);

        Assert.False(Assert.Single(result.Findings, finding => finding.Rule.Id == "NETSEC001").IsSuppressed);
        Assert.Empty(result.Notifications);
    }

    [Fact]
    public void CliDocExample_SuppressesThree()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "cli.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var section = guide.Substring(guide.IndexOf("## Suppressing findings", StringComparison.Ordinal));
        var start = section.IndexOf("```nginx\n", StringComparison.Ordinal) + "```nginx\n".Length;
        var example = section.Substring(start, section.IndexOf("```", start, StringComparison.Ordinal) - start);

        var result = Lint(example);

        Assert.Equal(new[] { "NETSEC001", "NETSEC033", "NETSEC036" }, result.Findings.Where(finding => finding.IsSuppressed).Select(finding => finding.Rule.Id).OrderBy(id => id));
        Assert.Equal("NETSEC034", Assert.Single(result.Findings, finding => !finding.IsSuppressed).Rule.Id);
        Assert.Empty(result.Notifications);
    }

    private static LintResult Lint(string nginxConf)
    {
        using var folder = new TemporaryFolder();
        folder.Write("nginx.conf", nginxConf);
        return new LintEngine().Lint(new[] { "nginx.conf" }, new LintOptions(), folder.Path);
    }
}
