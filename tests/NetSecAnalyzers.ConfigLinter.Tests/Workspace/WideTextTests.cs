using System.IO;
using System.Linq;
using System.Text;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Workspace;

/// <summary>UTF-16 files that the firewall and compose readers would otherwise read as UTF-8.</summary>
public sealed class WideTextTests
{
    private const string UserRules = """
        *filter
        ### RULES ###
        ### tuple ### allow tcp 5432 0.0.0.0/0 any 0.0.0.0/0 in
        -A ufw-user-input -p tcp --dport 5432 -j ACCEPT
        ### END RULES ###
        COMMIT

        """;

    private const string Compose = """
        services:
          db:
            image: postgres:16
            ports:
              - "5432:5432"

        """;

    [Fact]
    public void Utf8UserRulesWithMark_IsRead()
    {
        var result = Lint("user.rules", Encoding.UTF8, UserRules);

        Assert.Empty(result.Notifications);
        Assert.Single(result.Findings);
    }

    [Fact]
    public void Utf16UserRules_IsReadError()
    {
        var result = Lint("user.rules", Encoding.Unicode, UserRules);

        var notification = Assert.Single(result.Notifications);
        Assert.Equal(NotificationLevel.Error, notification.Level);
        Assert.Contains("user.rules'", notification.Message);
        Assert.Contains("UTF-16LE", notification.Message);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Utf16Compose_NamesEncoding()
    {
        var result = Lint("compose.yaml", Encoding.BigEndianUnicode, Compose);

        var notification = Assert.Single(result.Notifications);
        Assert.Equal(NotificationLevel.Error, notification.Level);
        Assert.Contains("UTF-16BE", notification.Message);
        Assert.DoesNotContain("YAML", notification.Message);
    }

    private static LintResult Lint(string name, Encoding encoding, string text)
    {
        using var folder = new TemporaryFolder();
        var path = folder.Combine(name);
        File.WriteAllBytes(path, encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray());
        return new LintEngine().Lint(new[] { folder.Path }, new LintOptions(), folder.Path);
    }
}
