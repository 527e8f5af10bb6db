using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Nginx;

/// <summary>Entry point of the nginx side of the linter.</summary>
public static class NginxLinter
{
    /// <summary>
    /// Returns whether a file is nginx configuration, judged by its path and the start of its text.
    /// </summary>
    public static bool IsNginxConfiguration(string path, string text) => false;

    /// <summary>
    /// Reads the given nginx files, follows their includes, runs every implemented nginx rule and reports
    /// findings and read problems into <paramref name="diagnostics"/>. A file that another file of the set
    /// includes is analyzed in that context rather than on its own.
    /// </summary>
    public static void Lint(IReadOnlyList<string> files, LintOptions options, DiagnosticBag diagnostics)
    {
    }
}
