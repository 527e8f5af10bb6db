using System;
using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>The level a directive is written at, as the http and stream modules merge their settings.</summary>
internal enum DirectiveLevel
{
    /// <summary>Anywhere else, such as the main context, <c>if</c> or <c>upstream</c>.</summary>
    Other,

    /// <summary>The <c>http</c>, <c>stream</c> or <c>mail</c> block, or the top level of an http snippet.</summary>
    Container,

    /// <summary>A virtual server, or the top level of a server snippet.</summary>
    Server,

    /// <summary>A <c>location</c>, or the top level of a location snippet.</summary>
    Location,
}

/// <summary>
/// Lookups of how a single-value directive reaches a block. nginx merges each setting from the outer block
/// into the inner one after reading the whole configuration. So a block's own directive wins wherever in the
/// block it is written, and a block without one takes the value of the nearest block around it.
/// </summary>
internal static class NginxInheritance
{
    /// <summary>An estimate, not measured: below this many directives a scan costs less than building an index.</summary>
    private const int ScanLimit = 16;

    /// <summary>
    /// Returns the directive named <paramref name="name"/> that applies in <paramref name="block"/> (the
    /// file's top level when null): the block's own, else the one of the nearest block around it. Returns
    /// null when no level sets it, so nginx's default applies.
    /// </summary>
    public static NginxDirective? Find(NginxConfiguration configuration, NginxDirective? block, string name)
    {
        for (var level = block; level is not null; level = level.Parent)
        {
            var own = LastOwn(level, name);
            if (own is not null)
            {
                return own;
            }
        }

        var top = configuration.Directives;
        if (top.Count <= ScanLimit)
        {
            return Scan(top, name);
        }

        return Lookup(configuration.TopLevelByName ??= IndexByName(top), name);
    }

    public static DirectiveLevel LevelOf(NginxConfiguration configuration, NginxDirective directive)
    {
        var block = directive.Parent;
        if (block is null)
        {
            return configuration.Context switch
            {
                NginxContext.Http => DirectiveLevel.Container,
                NginxContext.Server => DirectiveLevel.Server,
                NginxContext.Location => DirectiveLevel.Location,
                _ => DirectiveLevel.Other,
            };
        }

        if (NginxTree.IsServerContainer(block))
        {
            return DirectiveLevel.Container;
        }

        if (block.Name == "server" && block.BlockKind == NginxBlockKind.Directives && LevelOf(configuration, block) == DirectiveLevel.Container)
        {
            return DirectiveLevel.Server;
        }

        return block.Name == "location" ? DirectiveLevel.Location : DirectiveLevel.Other;
    }

    /// <summary>
    /// Returns the blocks in which this directive is the one that applies. For a directive in a server or
    /// location, that is its own block. For one in <c>http</c> or <c>stream</c>, it is each server there
    /// that does not set the directive itself, or, when the container has no server at all, the container
    /// (null for a snippet's top level), so that a snippet of http settings is still judged. The list is
    /// empty for a directive written where nginx does not allow it.
    /// </summary>
    public static IReadOnlyList<NginxDirective?> BlocksReached(NginxConfiguration configuration, NginxDirective directive)
    {
        switch (LevelOf(configuration, directive))
        {
            case DirectiveLevel.Server:
            case DirectiveLevel.Location:
                return new[] { directive.Parent };
            case DirectiveLevel.Container:
                var level = directive.Parent?.Children ?? configuration.Directives;
                var reached = new List<NginxDirective?>();
                var hasServer = false;
                foreach (var server in level)
                {
                    if (NginxTree.IsServerBlock(server))
                    {
                        hasServer = true;
                        if (LastOwn(server, directive.Name) is null)
                        {
                            reached.Add(server);
                        }
                    }
                }

                return hasServer ? reached : new[] { directive.Parent };
            default:
                return Array.Empty<NginxDirective?>();
        }
    }

    /// <summary>
    /// Returns the last simple directive named <paramref name="name"/> at one level. Rules ask this of the same
    /// levels again and again while they walk up from each location, so a long level gets an index by name,
    /// built on first use and kept with the block.
    /// </summary>
    private static NginxDirective? LastOwn(NginxDirective block, string name)
    {
        var level = block.Children;
        if (level.Count <= ScanLimit)
        {
            return Scan(level, name);
        }

        return Lookup(block.ChildrenByName ??= IndexByName(level), name);
    }

    private static NginxDirective? Scan(IReadOnlyList<NginxDirective> level, string name)
    {
        for (var i = level.Count - 1; i >= 0; i--)
        {
            if (level[i].Name == name && !level[i].HasBlock)
            {
                return level[i];
            }
        }

        return null;
    }

    private static NginxDirective? Lookup(Dictionary<string, NginxDirective> index, string name) =>
        index.TryGetValue(name, out var directive) ? directive : null;

    private static Dictionary<string, NginxDirective> IndexByName(IReadOnlyList<NginxDirective> level)
    {
        var index = new Dictionary<string, NginxDirective>(level.Count, StringComparer.Ordinal);
        for (var i = 0; i < level.Count; i++)
        {
            var directive = level[i];
            if (!directive.HasBlock)
            {
                index[directive.Name] = directive;
            }
        }

        return index;
    }
}
