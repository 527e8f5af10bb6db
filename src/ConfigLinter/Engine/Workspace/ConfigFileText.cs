using System;

namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>A configuration file that a host already has in memory, such as an editor's open document.</summary>
public sealed class ConfigFileText
{
    /// <param name="path">The file's absolute path; findings and includes refer to it.</param>
    /// <param name="text">The file's whole content.</param>
    public ConfigFileText(string path, string text)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Text = text ?? throw new ArgumentNullException(nameof(text));
    }

    public string Path { get; }

    public string Text { get; }
}
