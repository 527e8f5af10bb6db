using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter;

namespace NetSecAnalyzers.Cli;

/// <summary>The lowest finding level that makes <c>netsec lint</c> exit with 1.</summary>
internal enum FailLevel
{
    Error,
    Warning,
    Note,
    None,
}

internal static class FailLevelExtensions
{
    /// <summary>Returns the exit code for a lint result: read errors first, then findings at or above the level.</summary>
    public static int ExitCodeFor(this FailLevel failLevel, LintResult result)
    {
        if (result.HasErrorNotifications)
        {
            return ExitCodes.Error;
        }

        if (failLevel == FailLevel.None)
        {
            return ExitCodes.Success;
        }

        var threshold = failLevel switch
        {
            FailLevel.Error => RuleSeverity.Error,
            FailLevel.Warning => RuleSeverity.Warning,
            _ => RuleSeverity.Info,
        };

        return result.Findings.Any(finding => finding.IsReported && finding.Severity >= threshold) ? ExitCodes.FindingsReported : ExitCodes.Success;
    }
}
