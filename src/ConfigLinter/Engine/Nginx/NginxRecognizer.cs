using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Nginx;

/// <summary>Decides whether a file is nginx configuration, from its path and then from its first statements.</summary>
internal static class NginxRecognizer
{
    /// <summary>Folder names that contain nginx files. A match ignores case.</summary>
    private static readonly string[] NginxFolders = { "nginx", "sites-available", "sites-enabled", "conf.d" };

    private static readonly char[] PathSeparators = { '/', '\\' };

    /// <summary>Statements that open a block, and are typical first statements of nginx files.</summary>
    private static readonly HashSet<string> BlockOpeners = new(StringComparer.Ordinal)
    {
        "server", "http", "events", "location", "upstream", "stream", "mail", "map", "types", "geo",
    };

    /// <summary>Statements ending with ";" whose names are distinctive enough to identify nginx.</summary>
    private static readonly HashSet<string> SimpleStatements = new(StringComparer.Ordinal)
    {
        "worker_processes", "worker_connections", "worker_rlimit_nofile", "load_module", "pid", "user",
        "error_log", "access_log", "server_name", "listen", "proxy_pass", "ssl_protocols", "ssl_certificate",
        "ssl_certificate_key", "add_header", "server_tokens", "include", "root", "try_files", "fastcgi_pass",
        "proxy_set_header", "limit_req_zone", "keepalive_timeout", "sendfile", "gzip", "daemon", "resolver",
    };

    /// <summary>How many leading statements the content check looks at.</summary>
    private const int StatementsExamined = 3;

    public static bool IsNginxConfiguration(string path, string text)
    {
        if (TextPrefix.IsBinary(text))
        {
            return false;
        }

        if (NginxDump.IsDump(text) || IsNginxByPath(path, text.AsSpan()))
        {
            return true;
        }

        var extension = Path.GetExtension(path);
        return (extension.Length == 0 || string.Equals(extension, ".conf", StringComparison.OrdinalIgnoreCase)) && StartsLikeNginx(path, text);
    }

    /// <summary>
    /// Returns what <see cref="IsNginxConfiguration"/> returns when it can be decided without reading
    /// statements or looking for a dump header, and null otherwise.
    /// </summary>
    public static bool? RecognizeFromPrefix(string path, ReadOnlySpan<char> prefix)
    {
        if (TextPrefix.IsBinary(prefix))
        {
            return false;
        }

        return IsNginxByPath(path, prefix) ? true : null;
    }

    /// <summary>Returns whether a text file is nginx configuration by its name, or by its folder when it does not start like markup.</summary>
    private static bool IsNginxByPath(string path, ReadOnlySpan<char> prefix)
    {
        var name = Path.GetFileName(path);
        if (string.Equals(name, "nginx.conf", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".nginx", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".conf.template", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return string.Equals(Path.GetExtension(name), ".conf", StringComparison.OrdinalIgnoreCase)
            && IsUnderNginxFolder(path)
            && !StartsLikeMarkup(prefix);
    }

    /// <summary>Returns whether any folder of the path, not only the innermost, has an nginx folder name.</summary>
    private static bool IsUnderNginxFolder(string path)
    {
        // Walks the folder names from the innermost out without splitting the path, since every walked file is asked.
        var end = path.LastIndexOfAny(PathSeparators);
        while (end > 0)
        {
            var start = path.LastIndexOfAny(PathSeparators, end - 1) + 1;
            var folder = path.AsSpan(start, end - start);
            foreach (var name in NginxFolders)
            {
                if (folder.Equals(name.AsSpan(), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            end = start - 1;
        }

        return false;
    }

    /// <summary>Apache's <c>conf.d</c> and <c>sites-enabled</c> files start with tags such as <c>&lt;VirtualHost *:80&gt;</c>.</summary>
    private static bool StartsLikeMarkup(ReadOnlySpan<char> text)
    {
        var trimmed = text.TrimStart();
        return trimmed.Length > 0 && trimmed[0] == '<';
    }

    /// <summary>Reads the first statements with the nginx tokenizer; one well-formed, typical statement is enough.</summary>
    private static bool StartsLikeNginx(string path, string text)
    {
        var hasError = false;
        var lexer = new NginxLexer(NginxSourceText.FromString(path, text), (_, _) => hasError = true);
        var words = new List<string>();
        for (var statement = 0; statement < StatementsExamined && !hasError;)
        {
            var lexeme = lexer.Next();
            switch (lexeme.Kind)
            {
                case NginxLexemeKind.Word:
                    words.Add(lexeme.Token.Text);
                    continue;
                case NginxLexemeKind.BlockStart when words.Count > 0 && BlockOpeners.Contains(words[0]):
                case NginxLexemeKind.Semicolon when words.Count > 1 && SimpleStatements.Contains(words[0]):
                    return true;
                case NginxLexemeKind.BlockStart when words.Count > 0:
                    // A nested statement of an unknown block: look at its content, not at the block.
                    statement++;
                    words.Clear();
                    continue;
                case NginxLexemeKind.Semicolon when words.Count > 0:
                    statement++;
                    words.Clear();
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }
}
