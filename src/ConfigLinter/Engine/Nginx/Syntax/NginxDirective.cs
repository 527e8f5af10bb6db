using System;
using System.Collections.Generic;
using System.Text;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

/// <summary>One statement of an nginx file: a name, its arguments and, for block directives, its children.</summary>
public sealed class NginxDirective
{
    private static readonly IReadOnlyList<NginxDirective> NoDirectives = Array.Empty<NginxDirective>();
    private static readonly IReadOnlyList<NginxFile> NoFiles = Array.Empty<NginxFile>();

    private readonly NginxToken nameToken;
    private readonly NginxToken[] arguments;
    private NginxDirective[]? children;

    // Few directives are includes or opaque blocks, so what only those have sits in a second object that the
    // others do not allocate, which keeps the many directives of a large set smaller.
    private RareParts? rare;

    // Rules key dictionaries and sets by directive. The runtime's identity hash is slow the first time it is
    // asked of an object, and nearly every directive is asked once, so the parser numbers them instead.
    private readonly int ordinal;

    internal NginxDirective(NginxFile file, NginxDirective? parent, List<NginxToken> tokens, int ordinal)
    {
        this.ordinal = ordinal;
        File = file;
        Parent = parent;
        nameToken = tokens[0];
        if (tokens.Count > 1)
        {
            arguments = new NginxToken[tokens.Count - 1];
            tokens.CopyTo(1, arguments, 0, arguments.Length);
        }
        else
        {
            arguments = Array.Empty<NginxToken>();
        }
    }

    public NginxToken NameToken => nameToken;

    /// <summary>The directive name as nginx matches it: case-sensitive, quotes removed.</summary>
    public string Name => nameToken.Text;

    public IReadOnlyList<NginxToken> Arguments => arguments;

    /// <summary>The file this directive is written in.</summary>
    public NginxFile File { get; }

    /// <summary>The directive whose block contains this one, across includes; null at the top level.</summary>
    public NginxDirective? Parent { get; }

    public string FilePath => nameToken.FilePath;

    public int Line => nameToken.Line;

    public int Column => nameToken.Column;

    public SourceLocation Location => nameToken.Location;

    public NginxBlockKind BlockKind { get; internal set; }

    public bool HasBlock => BlockKind != NginxBlockKind.None;

    /// <summary>
    /// The directives of the block in the order nginx reads them, with each <c>include</c> followed by the
    /// directives of the files it pulled in. Empty for a directive without a block and for opaque blocks.
    /// </summary>
    public IReadOnlyList<NginxDirective> Children => children ?? NoDirectives;

    /// <summary>The raw text of an opaque block, such as the Lua code of <c>content_by_lua_block</c>.</summary>
    public string? OpaqueBody
    {
        get => rare?.OpaqueBody;
        internal set => (rare ??= new RareParts()).OpaqueBody = value;
    }

    /// <summary>For an <c>include</c>, the files it read, in nginx's order (sorted glob matches).</summary>
    public IReadOnlyList<NginxFile> IncludedFiles => rare?.IncludedFiles ?? NoFiles;

    /// <summary>The argument texts joined by spaces, as a message quotes the directive.</summary>
    public string ToDisplayString()
    {
        if (arguments.Length == 0)
        {
            return Name;
        }

        var builder = new StringBuilder(Name);
        foreach (var argument in arguments)
        {
            builder.Append(' ').Append(argument.ToString());
        }

        return builder.ToString();
    }

    /// <summary>Returns every directive below this one, depth first, in reading order.</summary>
    public IEnumerable<NginxDirective> Descendants()
    {
        foreach (var child in Children)
        {
            yield return child;
            foreach (var descendant in child.Descendants())
            {
                yield return descendant;
            }
        }
    }

    public override string ToString() => ToDisplayString() + (HasBlock ? " { ... }" : ";");

    /// <summary>Equality stays reference equality. Only the hash is the parser's number of the directive.</summary>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => ordinal;

    /// <summary>The directive's place in the order the parser read the configuration, includes inline.</summary>
    internal int Ordinal => ordinal;

    /// <summary>
    /// The block's simple directives by name, the last of each name, once a rule has asked for them. It is kept
    /// here so that it lives exactly as long as the tree. A table keyed by block would need weak references,
    /// which cost the garbage collector on every collection.
    /// </summary>
    internal Dictionary<string, NginxDirective>? ChildrenByName
    {
        get => rare?.ChildrenByName;
        set => (rare ??= new RareParts()).ChildrenByName = value;
    }

    /// <summary>Sets the block's directives once the parser has read the whole block.</summary>
    internal void SetChildren(NginxDirective[] directives) => children = directives.Length == 0 ? null : directives;

    internal void AddIncludedFile(NginxFile file) => ((rare ??= new RareParts()).IncludedFiles ??= new List<NginxFile>()).Add(file);

    private sealed class RareParts
    {
        public string? OpaqueBody { get; set; }

        public List<NginxFile>? IncludedFiles { get; set; }

        public Dictionary<string, NginxDirective>? ChildrenByName { get; set; }
    }
}
