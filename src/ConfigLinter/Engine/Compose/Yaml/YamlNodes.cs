using System;
using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Compose.Yaml;

/// <summary>
/// One node of a YAML document with the place it is written. An alias is the node its anchor names, so the
/// same node object can sit in several places of the tree and keeps the anchor's position.
/// </summary>
internal abstract class YamlNode
{
    protected YamlNode(SourceLocation location) => Location = location;

    public SourceLocation Location { get; }

    /// <summary>The file the node is written in; interpolation uses that file's variables.</summary>
    public ComposeSourceFile? File { get; set; }

    /// <summary>The node's explicit tag, such as <c>!reset</c> or <c>!override</c> in an override file; null when it has none.</summary>
    public string? Tag { get; set; }
}

internal sealed class ScalarNode : YamlNode
{
    public ScalarNode(string value, bool isPlain, SourceLocation location)
        : base(location)
    {
        Value = value;
        IsPlain = isPlain;
    }

    /// <summary>The scalar's text after YAML unescaping and folding, before interpolation.</summary>
    public string Value { get; }

    /// <summary>Whether the scalar is written without quotes or block indicators, so that <c>null</c> and <c>~</c> mean null.</summary>
    public bool IsPlain { get; }

    /// <summary>Whether the scalar is YAML's null: empty, <c>null</c> or <c>~</c>, written without quotes.</summary>
    public bool IsNull =>
        IsPlain && (Value.Length == 0 || Value == "~" || string.Equals(Value, "null", StringComparison.OrdinalIgnoreCase));
}

internal sealed class SequenceNode : YamlNode
{
    public SequenceNode(IReadOnlyList<YamlNode> items, SourceLocation location)
        : base(location) => Items = items;

    public IReadOnlyList<YamlNode> Items { get; }
}

internal sealed class MappingNode : YamlNode
{
    private readonly List<MappingEntry> entries;

    public MappingNode(List<MappingEntry> entries, SourceLocation location)
        : base(location) => this.entries = entries;

    /// <summary>The entries in file order, with <c>&lt;&lt;</c> merge keys already resolved.</summary>
    public IReadOnlyList<MappingEntry> Entries => entries;

    /// <summary>Returns the entry whose key is <paramref name="key"/>, or null. The last one wins, as in Compose.</summary>
    public MappingEntry? Entry(string key)
    {
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (entries[i].Key.Value == key)
            {
                return entries[i];
            }
        }

        return null;
    }

    public YamlNode? Get(string key) => Entry(key)?.Value;
}

/// <summary>A key and its value. Keys that are not scalars are kept out, because Compose has none.</summary>
internal sealed class MappingEntry
{
    public MappingEntry(ScalarNode key, YamlNode value)
    {
        Key = key;
        Value = value;
    }

    public ScalarNode Key { get; }

    public YamlNode Value { get; }
}
