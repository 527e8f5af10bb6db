using System.IO;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Firewall;

/// <summary>Lints firewall files through the whole engine: recognition, readers, rules and suppressions.</summary>
internal sealed class LintEngineHarness
{
    public LintResult LintScript(string text, string name = "setup-firewall.sh")
    {
        using var folder = new TemporaryFolder();
        folder.Write(name, text);
        return new LintEngine().Lint(new[] { folder.Path }, new LintOptions(), folder.Path);
    }
}
