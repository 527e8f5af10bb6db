using System;
using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Compose.Yaml;

namespace NetSecAnalyzers.ConfigLinter.Compose.Project;

/// <summary>
/// Merges an override onto a base the way Compose merges override files and <c>extends</c>: mappings key by
/// key, lists appended (ports, expose, cap_add, networks), <c>command</c> and <c>entrypoint</c> replaced, and
/// any other value replaced. The <c>!reset</c> tag removes a value and <c>!override</c> replaces it whole.
/// Merged nodes are new objects, but every value in them is a node of one of the files, so positions stay
/// where each value is written.
/// </summary>
internal static class ComposeMerge
{
    /// <summary>
    /// The tag of a merged list whose items are the base's and the override's nodes in turn, used where one
    /// is written as a list and the other as a mapping (<c>environment</c>, <c>networks</c>). Readers
    /// take each item as one layer, the later winning.
    /// </summary>
    public const string LayersTag = "netsec:layers";

    private const string ResetTag = "!reset";
    private const string OverrideTag = "!override";

    private static readonly HashSet<string> ReplacedLists = new(StringComparer.Ordinal) { "command", "entrypoint", "test" };

    /// <summary>Returns the merged node, or null when the override resets the value.</summary>
    public static YamlNode? Merge(YamlNode? baseNode, YamlNode? overrideNode, string key = "")
    {
        if (overrideNode is null)
        {
            return baseNode;
        }

        if (overrideNode.Tag == ResetTag)
        {
            return null;
        }

        if (baseNode is null || overrideNode.Tag == OverrideTag)
        {
            return overrideNode;
        }

        if (baseNode is MappingNode baseMapping && overrideNode is MappingNode overrideMapping)
        {
            return MergeMappings(baseMapping, overrideMapping);
        }

        if (baseNode is SequenceNode baseList && overrideNode is SequenceNode overrideList && baseList.Tag != LayersTag && overrideList.Tag != LayersTag)
        {
            if (ReplacedLists.Contains(key))
            {
                return overrideNode;
            }

            var items = new List<YamlNode>(baseList.Items);
            items.AddRange(overrideList.Items);
            return new SequenceNode(items, overrideNode.Location) { File = overrideNode.File };
        }

        if (baseNode is ScalarNode || overrideNode is ScalarNode || ReplacedLists.Contains(key))
        {
            return overrideNode;
        }

        return new SequenceNode(new[] { baseNode, overrideNode }, overrideNode.Location) { File = overrideNode.File, Tag = LayersTag };
    }

    private static MappingNode MergeMappings(MappingNode baseMapping, MappingNode overrideMapping)
    {
        var entries = new List<MappingEntry>();
        var overridden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in baseMapping.Entries)
        {
            var overrideEntry = overrideMapping.Entry(entry.Key.Value);
            if (overrideEntry is null)
            {
                entries.Add(entry);
                continue;
            }

            overridden.Add(entry.Key.Value);
            var merged = Merge(entry.Value, overrideEntry.Value, entry.Key.Value);
            if (merged is not null)
            {
                entries.Add(new MappingEntry(overrideEntry.Key, merged));
            }
        }

        foreach (var entry in overrideMapping.Entries)
        {
            if (!overridden.Contains(entry.Key.Value) && entry.Value.Tag != ResetTag)
            {
                entries.Add(entry);
            }
        }

        return new MappingNode(entries, overrideMapping.Location) { File = overrideMapping.File };
    }
}
