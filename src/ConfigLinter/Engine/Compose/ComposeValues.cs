using System;
using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Compose.Project;
using NetSecAnalyzers.ConfigLinter.Compose.Yaml;

namespace NetSecAnalyzers.ConfigLinter.Compose;

/// <summary>Reads values out of compose nodes, interpolated with the variables of the file each is written in.</summary>
internal static class ComposeValues
{
    /// <summary>
    /// Returns a scalar's interpolated text, or null for a missing node, a YAML null, a mapping or a list.
    /// A part the linter cannot know is <see cref="ComposeVariables.Unknown"/>.
    /// </summary>
    public static string? Text(YamlNode? node)
    {
        if (node is not ScalarNode scalar || scalar.IsNull)
        {
            return null;
        }

        var variables = scalar.File?.Variables ?? ComposeVariables.None;
        return variables.Interpolate(scalar.Value);
    }

    public static bool IsKnown(string text) => text.IndexOf(ComposeVariables.Unknown) < 0;

    /// <summary>
    /// Returns whether a value is true as Compose reads a boolean: <c>true</c>, <c>yes</c>, <c>y</c>,
    /// <c>on</c> or <c>1</c> in any case, which covers YAML 1.1 truthy forms and interpolated strings.
    /// </summary>
    public static bool IsTrue(YamlNode? node)
    {
        var text = Text(node);
        if (text is null)
        {
            return false;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "true":
            case "yes":
            case "y":
            case "on":
            case "1":
                return true;
            default:
                return false;
        }
    }

    /// <summary>Returns the items of a list, or of each layer of a merged list; a single scalar counts as a one-item list.</summary>
    public static IEnumerable<YamlNode> Items(YamlNode? node)
    {
        if (node is SequenceNode sequence)
        {
            foreach (var item in sequence.Items)
            {
                if (sequence.Tag == ComposeMerge.LayersTag)
                {
                    foreach (var layerItem in Items(item))
                    {
                        yield return layerItem;
                    }
                }
                else
                {
                    yield return item;
                }
            }
        }
        else if (node is ScalarNode scalar && !scalar.IsNull)
        {
            yield return scalar;
        }
    }

    /// <summary>
    /// Returns the names a key lists in either of Compose's forms, a list of names or a mapping keyed by
    /// name, such as a service's <c>networks</c>. Each name comes with the node that writes it.
    /// </summary>
    public static IEnumerable<(string Name, YamlNode Node, YamlNode? Value)> Names(YamlNode? node)
    {
        if (node is MappingNode mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                yield return (entry.Key.Value, entry.Key, entry.Value);
            }
        }
        else if (node is SequenceNode sequence && sequence.Tag == ComposeMerge.LayersTag)
        {
            foreach (var layer in sequence.Items)
            {
                foreach (var name in Names(layer))
                {
                    yield return name;
                }
            }
        }
        else
        {
            foreach (var item in Items(node))
            {
                var text = Text(item);
                if (text is not null)
                {
                    yield return (text, item, null);
                }
            }
        }
    }

    /// <summary>
    /// Returns a service's environment as Compose sets it: <c>KEY: value</c> and <c>KEY=value</c> entries,
    /// the later of two for one key winning. A key given without a value takes the value from the shell
    /// that runs Compose, which the linter cannot know, so it is left out.
    /// </summary>
    public static IReadOnlyList<EnvironmentEntry> Environment(YamlNode? node)
    {
        var byName = new Dictionary<string, EnvironmentEntry>(StringComparer.Ordinal);
        var order = new List<string>();
        Collect(node, byName, order);
        var result = new List<EnvironmentEntry>();
        foreach (var name in order)
        {
            if (byName.TryGetValue(name, out var entry))
            {
                result.Add(entry);
            }
        }

        return result;
    }

    private static void Collect(YamlNode? node, Dictionary<string, EnvironmentEntry> byName, List<string> order)
    {
        if (node is MappingNode mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                var value = entry.Value is ScalarNode scalar && !scalar.IsNull ? Text(scalar) : null;
                Set(byName, order, entry.Key.Value, value is null ? null : new EnvironmentEntry(entry.Key.Value, value, entry.Key));
            }
        }
        else if (node is SequenceNode sequence && sequence.Tag == ComposeMerge.LayersTag)
        {
            foreach (var layer in sequence.Items)
            {
                Collect(layer, byName, order);
            }
        }
        else
        {
            foreach (var item in Items(node))
            {
                var text = Text(item);
                if (text is null)
                {
                    continue;
                }

                var equals = text.IndexOf('=');
                var name = equals < 0 ? text : text.Substring(0, equals);
                Set(byName, order, name, equals < 0 ? null : new EnvironmentEntry(name, text.Substring(equals + 1), item));
            }
        }
    }

    private static void Set(Dictionary<string, EnvironmentEntry> byName, List<string> order, string name, EnvironmentEntry? entry)
    {
        if (!byName.ContainsKey(name))
        {
            order.Add(name);
        }

        if (entry is null)
        {
            byName.Remove(name);
        }
        else
        {
            byName[name] = entry;
        }
    }
}

/// <summary>One environment variable a service sets, with the node that sets it (the key, or the list item).</summary>
internal sealed class EnvironmentEntry
{
    public EnvironmentEntry(string name, string value, YamlNode node)
    {
        Name = name;
        Value = value;
        Node = node;
    }

    public string Name { get; }

    public string Value { get; }

    public YamlNode Node { get; }
}
