using System.Collections.Generic;
using System.IO;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.Cli;

/// <summary>What the commands write to, resolve relative paths against, and lint with; tests pass their own.</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, string workingDirectory, IReadOnlyList<ConfigurationFormat>? formats = null)
    {
        Output = output;
        Error = error;
        WorkingDirectory = workingDirectory;
        Formats = formats ?? ConfigurationFormats.All;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public string WorkingDirectory { get; }

    public IReadOnlyList<ConfigurationFormat> Formats { get; }
}
