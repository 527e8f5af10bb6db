using System.Linq;
using System.Text;
using NetSecAnalyzers.ConfigLinter.Compose;
using NetSecAnalyzers.ConfigLinter.Compose.Yaml;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Tests.Compose;

public class ComposeLimitTests
{
    [Fact]
    public void AliasBomb_StopsWithNotification()
    {
        var text = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level < 10; level++)
        {
            text.Append((char)('a' + level)).Append(": &").Append((char)('a' + level)).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*" + (char)('a' + level - 1), 9))).Append("]\n");
        }

        var diagnostics = new DiagnosticBag();
        var read = YamlTreeReader.Read("bomb.yaml", text.ToString(), YamlLimits.Default, diagnostics);

        Assert.Null(read);
        var notification = Assert.Single(diagnostics.Notifications);
        Assert.Equal(ComposeNotificationCodes.LimitExceeded, notification.Code);
        Assert.Contains("alias bomb", notification.Message);
    }

    [Fact]
    public void SmallAliasUse_StaysUnderLimit()
    {
        var diagnostics = new DiagnosticBag();
        var read = YamlTreeReader.Read("ok.yaml", "a: &a [x, y]\nb: [*a, *a, *a]\n", YamlLimits.Default, diagnostics);

        Assert.NotNull(read);
        Assert.Empty(diagnostics.Notifications);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void DeepNesting_StopsWithNotification(string open, string close)
    {
        var text = string.Concat(Enumerable.Repeat(open, 100_000)) + "x" + string.Concat(Enumerable.Repeat(close, 100_000));
        var diagnostics = new DiagnosticBag();

        var read = YamlTreeReader.Read("deep.yaml", text, YamlLimits.Default, diagnostics);

        Assert.Null(read);
        var notification = Assert.Single(diagnostics.Notifications);
        Assert.Equal(ComposeNotificationCodes.LimitExceeded, notification.Code);
        Assert.Contains("256 levels", notification.Message);
    }

    [Fact]
    public void HugeFile_SkippedWithNotification()
    {
        var limits = new YamlLimits { MaxFileCharacters = 1000 };
        var diagnostics = new DiagnosticBag();

        var read = YamlTreeReader.Read("huge.yaml", "services:\n" + new string('#', 2000), limits, diagnostics);

        Assert.Null(read);
        Assert.Contains("more than the 1000", Assert.Single(diagnostics.Notifications).Message);
    }

    [Fact]
    public void LargeGeneratedFile_ReadsWithinLimits()
    {
        var text = new StringBuilder("services:\n");
        for (var i = 0; i < 5000; i++)
        {
            text.Append("  s").Append(i).Append(":\n    image: registry.example.com/s:1\n    ports: [\"127.0.0.1:").Append(10000 + i).Append(":80\"]\n");
        }

        var diagnostics = new DiagnosticBag();
        var read = YamlTreeReader.Read("large.yaml", text.ToString(), YamlLimits.Default, diagnostics);

        Assert.NotNull(read);
        Assert.Empty(diagnostics.Notifications);
    }
}
