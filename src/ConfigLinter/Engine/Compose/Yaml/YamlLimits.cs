namespace NetSecAnalyzers.ConfigLinter.Compose.Yaml;

/// <summary>
/// Bounds on what one compose file may make the reader build, so that a hostile file ends with a
/// notification instead of exhausting memory or the stack. Real compose files stay far below each of them.
/// </summary>
internal sealed class YamlLimits
{
    public static YamlLimits Default { get; } = new();

    /// <summary>The largest file read, in characters: 16 MiB of text, hundreds of times a large real stack.</summary>
    public int MaxFileCharacters { get; set; } = 16 * 1024 * 1024;

    /// <summary>The deepest nesting of mappings and sequences.</summary>
    public int MaxDepth { get; set; } = 256;

    /// <summary>
    /// The most nodes a document may have once every alias and merge key is expanded, which is what stops
    /// an alias bomb (a "billion laughs" document) before a rule walks it.
    /// </summary>
    public long MaxExpandedNodes { get; set; } = 2_000_000;
}
