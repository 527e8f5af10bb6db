using System;
using System.Collections.Generic;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

/// <summary>What the reader needs to know about directive names: which take a block and how it reads.</summary>
internal static class NginxBlockRules
{
    /// <summary>
    /// Blocks that nginx hands to a module's own entry reader (<c>cf-&gt;handler</c>): each entry is a list of
    /// words, and a <c>{</c> inside is a syntax error.
    /// </summary>
    private static readonly HashSet<string> EntryBlocks = new(StringComparer.Ordinal)
    {
        "map", "types", "geo", "split_clients", "charset_map",
    };

    /// <summary>Blocks read as directives by nginx, but whose entries rules must not read as http directives.</summary>
    private static readonly HashSet<string> ListBlocks = new(StringComparer.Ordinal)
    {
        "upstream", "match",
    };

    /// <summary>Directives that take a block wherever nginx allows them.</summary>
    private static readonly HashSet<string> AlwaysBlocks = new(StringComparer.Ordinal)
    {
        "http", "events", "stream", "mail", "location", "if", "limit_except",
        "map", "types", "geo", "split_clients", "charset_map", "upstream",
    };

    /// <summary>Blocks whose <c>server</c> directive opens a virtual server (in <c>upstream</c> it is a plain directive).</summary>
    private static readonly HashSet<string> ServerContainers = new(StringComparer.Ordinal)
    {
        "http", "stream", "mail",
    };

    /// <summary>Common directives that never take a block, so a <c>{</c> after them is "not terminated by ;".</summary>
    private static readonly HashSet<string> NeverBlocks = new(StringComparer.Ordinal)
    {
        "listen", "server_name", "root", "alias", "index", "try_files", "return", "rewrite", "set",
        "proxy_pass", "fastcgi_pass", "uwsgi_pass", "grpc_pass", "add_header", "proxy_set_header",
        "error_page", "access_log", "error_log", "include", "expires", "ssl_protocols", "ssl_certificate",
        "ssl_certificate_key", "ssl_ciphers",
    };

    public static bool RejectsBlock(string name) => NeverBlocks.Contains(name);

    public static bool IsLuaBlock(string name) => name.EndsWith("_by_lua_block", StringComparison.Ordinal);

    public static NginxBlockKind GetBlockKind(string name) =>
        EntryBlocks.Contains(name) || ListBlocks.Contains(name) ? NginxBlockKind.Entries : NginxBlockKind.Directives;

    public static bool RejectsNestedBlocks(string? parentName) => parentName is not null && EntryBlocks.Contains(parentName);

    /// <summary>
    /// Returns whether nginx would reject this name ending with <c>;</c> ("has no opening {"). Only names
    /// that are blocks in every context they are allowed in count, plus <c>server</c> where its context is
    /// certain; a directive of an unknown module is left alone.
    /// </summary>
    public static bool RequiresBlock(string name, NginxDirective? parent)
    {
        if (AlwaysBlocks.Contains(name) || IsLuaBlock(name))
        {
            return true;
        }

        if (name != "server")
        {
            return false;
        }

        // At the top level of a snippet the context is a guess, and in upstream "server" is an entry.
        return parent is not null
            && parent.BlockKind == NginxBlockKind.Directives
            && ServerContainers.Contains(parent.Name);
    }
}
