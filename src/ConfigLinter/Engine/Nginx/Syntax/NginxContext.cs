namespace NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

/// <summary>The block a file's top-level directives are read in.</summary>
public enum NginxContext
{
    /// <summary>The main file: <c>events</c>, <c>http</c>, <c>stream</c> at its top level.</summary>
    Main,

    /// <summary>A snippet of the <c>http</c> block, such as a <c>sites-enabled</c> or <c>conf.d</c> file with <c>server</c> blocks.</summary>
    Http,

    /// <summary>A snippet of a <c>server</c> block, such as a file of <c>location</c> blocks.</summary>
    Server,

    /// <summary>A snippet of a <c>location</c> block. Never inferred; a caller that knows can ask for it.</summary>
    Location,
}
