using System.Collections.Generic;
using System.Linq;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

/// <summary>A main file with everything it includes, read into one tree.</summary>
public sealed class NginxConfiguration
{
    internal NginxConfiguration(NginxFile mainFile, NginxContext context, IReadOnlyList<NginxFile> files)
    {
        MainFile = mainFile;
        Context = context;
        Files = files;
    }

    public NginxFile MainFile { get; }

    /// <summary>The block the main file's top level stands for; a snippet without <c>http</c> reads as inside it.</summary>
    public NginxContext Context { get; }

    /// <summary>The top-level directives, with includes expanded.</summary>
    public IReadOnlyList<NginxDirective> Directives => MainFile.Directives;

    /// <summary>The top level's simple directives by name, as <see cref="NginxDirective.ChildrenByName"/> keeps a block's.</summary>
    internal Dictionary<string, NginxDirective>? TopLevelByName { get; set; }

    /// <summary>Every file read, the main file first, in reading order.</summary>
    public IReadOnlyList<NginxFile> Files { get; }

    /// <summary>Returns every directive of the tree, depth first, in reading order.</summary>
    public IEnumerable<NginxDirective> AllDirectives() =>
        Directives.SelectMany(directive => new[] { directive }.Concat(directive.Descendants()));
}
