using System;
using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>
/// The directives of a configuration that the rules look for, by name, each list in reading order. One walk of
/// the tree fills it, so a rule reads the few directives it judges instead of walking every directive again.
/// </summary>
/// <remarks>
/// Only the names in <see cref="NameLists"/> are kept: the others are never asked for, and a list of every
/// directive of a large deployment would be big enough to go to the large object heap, whose collections
/// are the costly ones. Asking for another name is a mistake in a rule, so it throws.
/// </remarks>
internal sealed class NginxDirectiveIndex
{
    /// <summary>The names the rules ask for, taken from the lists the rules themselves use so that the two cannot drift apart.</summary>
    private static readonly string[][] NameLists =
    {
        NginxTree.ServerContainerNames,
        NginxCipherLists.CipherDirectiveNames,
        NginxPasses.PassNames,
        LegacyTlsProtocolRule.ProtocolDirectiveNames,
        RevocationCheckDisabledRule.StaplingDirectives,
        UnverifiedCertificateRule.JudgedDirectives,
        new[] { "upstream", "location", "server_tokens" },
    };

    private readonly Dictionary<string, List<NginxDirective>> byName = new(StringComparer.Ordinal);

    /// <summary>
    /// The kept lists by the name's length and the low 7 bits of its first character. The walk looks up every
    /// directive of the tree, and most names differ from all kept ones in one of the two, so they are rejected
    /// without hashing the name.
    /// </summary>
    private readonly (string Name, List<NginxDirective> Directives)[]?[] buckets;

    /// <summary>Walks every real directive, skipping the entries of <c>map</c>-like blocks and the bodies of opaque blocks, which only look like directives.</summary>
    public NginxDirectiveIndex(NginxConfiguration configuration)
    {
        foreach (var names in NameLists)
        {
            foreach (var name in names)
            {
                if (!byName.ContainsKey(name))
                {
                    byName.Add(name, new List<NginxDirective>());
                }
            }
        }

        var maxNameLength = 0;
        foreach (var name in byName.Keys)
        {
            maxNameLength = Math.Max(maxNameLength, name.Length);
        }

        buckets = new (string, List<NginxDirective>)[]?[(maxNameLength + 1) * 128];
        foreach (var entry in byName)
        {
            var name = entry.Key;
            var directives = entry.Value;
            var key = BucketOf(name);
            var bucket = buckets[key] ?? Array.Empty<(string, List<NginxDirective>)>();
            Array.Resize(ref bucket, bucket.Length + 1);
            bucket[bucket.Length - 1] = (name, directives);
            buckets[key] = bucket;
        }

        Add(configuration.Directives);
    }

    /// <summary>Returns the directives named <paramref name="name"/> in reading order.</summary>
    public IReadOnlyList<NginxDirective> Named(string name) =>
        byName.TryGetValue(name, out var directives)
            ? directives
            : throw new ArgumentException("\"" + name + "\" is not among the directive names the index keeps.", nameof(name));

    /// <summary>Returns the directives with any of <paramref name="names"/>, all together in reading order.</summary>
    /// <remarks>
    /// When only one of the names occurs, its own list is returned as it is. Several non-empty lists are merged,
    /// which keeps reading order because each list is in reading order already.
    /// </remarks>
    public IReadOnlyList<NginxDirective> Named(IReadOnlyList<string> names)
    {
        List<NginxDirective>? only = null;
        var nonEmpty = 0;
        var total = 0;
        for (var i = 0; i < names.Count; i++)
        {
            var directives = (List<NginxDirective>)Named(names[i]);
            if (directives.Count > 0)
            {
                only = directives;
                nonEmpty++;
                total += directives.Count;
            }
        }

        if (nonEmpty == 0)
        {
            return Array.Empty<NginxDirective>();
        }

        if (nonEmpty == 1)
        {
            return only!;
        }

        var merged = new List<NginxDirective>(total);
        for (var i = 0; i < names.Count; i++)
        {
            merged.AddRange(Named(names[i]));
        }

        // The parser numbers directives in the order it reads them, includes inline, which is reading order.
        merged.Sort(static (left, right) => left.Ordinal.CompareTo(right.Ordinal));
        return merged;
    }

    private static int BucketOf(string name) => (name.Length * 128) + (name[0] & 127);

    private void Add(IReadOnlyList<NginxDirective> level)
    {
        for (var i = 0; i < level.Count; i++)
        {
            var directive = level[i];
            var name = directive.Name;
            if (name.Length != 0 && name.Length < buckets.Length / 128 && buckets[BucketOf(name)] is { } bucket)
            {
                for (var j = 0; j < bucket.Length; j++)
                {
                    if (string.Equals(bucket[j].Name, name, StringComparison.Ordinal))
                    {
                        bucket[j].Directives.Add(directive);
                        break;
                    }
                }
            }

            if (directive.BlockKind == NginxBlockKind.Directives)
            {
                Add(directive.Children);
            }
        }
    }
}
