using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Compose.Yaml;
using NetSecAnalyzers.ConfigLinter.Suppressions;

namespace NetSecAnalyzers.ConfigLinter.Compose;

/// <summary>One compose YAML file as read: its documents, its comments and the variables its values are interpolated with.</summary>
internal sealed class ComposeSourceFile : ICommentedFile
{
    private static readonly YamlNode[] NoDocuments = System.Array.Empty<YamlNode>();

    public ComposeSourceFile(string filePath, ComposeVariables variables)
    {
        FilePath = filePath;
        Variables = variables;
    }

    public string FilePath { get; }

    /// <summary>The root node of each YAML document in the file, in order.</summary>
    public IReadOnlyList<YamlNode> Documents { get; set; } = NoDocuments;

    public IReadOnlyList<SourceComment> Comments { get; set; } = System.Array.Empty<SourceComment>();

    /// <summary>The lines of each mapping entry (its key, and its value when that is a scalar) and of each scalar list item.</summary>
    public IReadOnlyList<LineRange> Statements { get; set; } = System.Array.Empty<LineRange>();

    public ComposeVariables Variables { get; }

    /// <summary>The first document's root when it is a mapping, as Compose reads a file; null otherwise.</summary>
    public MappingNode? Root => Documents.Count > 0 ? Documents[0] as MappingNode : null;
}
