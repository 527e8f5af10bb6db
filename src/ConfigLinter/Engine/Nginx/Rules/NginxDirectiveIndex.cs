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

        Add(configuration.Directives);
    }

    /// <summary>Returns the directives named <paramref name="name"/> in reading order.</summary>
    public IReadOnlyList<NginxDirective> Named(string name) =>
        byName.TryGetValue(name, out var directives)
            ? directives
            : throw new ArgumentException("\"" + name + "\" is not among the directive names the index keeps.", nameof(name));

    /// <summary>Returns the directives with any of <paramref name="names"/>, all together in reading order.</summary>
    public IReadOnlyList<NginxDirective> Named(IReadOnlyList<string> names)
    {
        var directives = new List<NginxDirective>();
        foreach (var name in names)
        {
            directives.AddRange(Named(name));
        }

        // The parser numbers directives in the order it reads them, includes inline, which is reading order.
        directives.Sort(static (left, right) => left.Ordinal.CompareTo(right.Ordinal));
        return directives;
    }

    private void Add(IReadOnlyList<NginxDirective> level)
    {
        for (var i = 0; i < level.Count; i++)
        {
            var directive = level[i];
            if (byName.TryGetValue(directive.Name, out var directives))
            {
                directives.Add(directive);
            }

            if (directive.BlockKind == NginxBlockKind.Directives)
            {
                Add(directive.Children);
            }
        }
    }
}
