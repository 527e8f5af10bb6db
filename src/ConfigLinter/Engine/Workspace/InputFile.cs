namespace NetSecAnalyzers.ConfigLinter.Workspace;

/// <summary>A file the engine will try to classify.</summary>
internal sealed class InputFile
{
    public InputFile(string fullPath, bool isExplicit)
    {
        FullPath = fullPath;
        IsExplicit = isExplicit;
    }

    public string FullPath { get; }

    /// <summary>True when the user named the file itself rather than a folder that contains it.</summary>
    public bool IsExplicit { get; }
}
