namespace NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

/// <summary>How the body of a directive's block is read.</summary>
public enum NginxBlockKind
{
    /// <summary>The directive has no block: it ends with <c>;</c>.</summary>
    None,

    /// <summary>A block of ordinary directives, such as <c>http</c>, <c>server</c> or <c>location</c>.</summary>
    Directives,

    /// <summary>
    /// A block of entries that only look like directives: <c>map</c>, <c>types</c>, <c>geo</c>,
    /// <c>split_clients</c>, <c>charset_map</c>, and the server lists of <c>upstream</c> and <c>match</c>.
    /// Rules must not read an entry as the directive of the same name.
    /// </summary>
    Entries,

    /// <summary>A body in another language, kept as text: the Lua code of <c>*_by_lua_block</c>.</summary>
    Opaque,
}
