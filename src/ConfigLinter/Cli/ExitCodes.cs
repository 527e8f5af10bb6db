namespace NetSecAnalyzers.Cli;

/// <summary>The process exit codes, documented in docs/cli.md.</summary>
internal static class ExitCodes
{
    /// <summary>No finding at or above the fail level, and all input was read.</summary>
    public const int Success = 0;

    /// <summary>At least one finding at or above the fail level.</summary>
    public const int FindingsReported = 1;

    /// <summary>
    /// A usage error, or an input that could not be read or parsed. It wins over
    /// <see cref="FindingsReported"/>, because the findings of a partly read configuration are incomplete.
    /// </summary>
    public const int Error = 2;
}
