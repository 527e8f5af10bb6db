using System;
using System.IO;

namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>How file paths compare on this machine: ignoring case on Windows, exactly elsewhere.</summary>
internal static class PathComparison
{
    private static readonly bool IgnoreCase = Path.DirectorySeparatorChar == '\\';

    public static StringComparison Comparison => IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static StringComparer Comparer => IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}
