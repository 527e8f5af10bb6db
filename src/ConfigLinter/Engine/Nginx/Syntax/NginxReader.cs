using System;
using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

/// <summary>
/// Reads an nginx main file and the files it includes into one <see cref="NginxConfiguration"/>. Relative
/// include paths are resolved against the main file's folder, which is where nginx's conf prefix is in a
/// standard layout, and absolute paths under the nginx prefix are mapped onto that folder too. Read
/// problems, such as syntax errors and missing files, are reported to the diagnostic bag as
/// notifications instead of exceptions.
/// </summary>
public static class NginxReader
{
    /// <summary>Top-level names that only the main file has, so a file with one is not a snippet.</summary>
    private static readonly HashSet<string> MainOnlyNames = new(StringComparer.Ordinal)
    {
        "events", "http", "stream", "mail", "worker_processes", "worker_rlimit_nofile", "worker_cpu_affinity",
        "user", "pid", "load_module", "daemon", "master_process", "env", "thread_pool", "timer_resolution",
        "pcre_jit", "ssl_engine", "lock_file", "working_directory", "worker_priority", "worker_shutdown_timeout",
    };

    /// <summary>
    /// Reads the file at <paramref name="path"/>; returns null when it cannot be opened. The block its top
    /// level stands for is <paramref name="context"/> when given, and otherwise guessed from its content.
    /// </summary>
    /// <param name="nginxPrefix">The deployment's configuration folder, as <see cref="LintOptions.NginxPrefix"/>.</param>
    public static NginxConfiguration? ReadFile(
        string path,
        DiagnosticBag diagnostics,
        NginxContext? context = null,
        string nginxPrefix = LintOptions.DefaultNginxPrefix) =>
        ReadFile(path, diagnostics, context, nginxPrefix, new NginxFileCache());

    /// <summary>Reads a main file the way <see cref="ReadFile(string, DiagnosticBag, NginxContext?, string)"/> does, with the file lookups of a lint run shared.</summary>
    internal static NginxConfiguration? ReadFile(string path, DiagnosticBag diagnostics, NginxContext? context, string nginxPrefix, NginxFileCache fileCache)
    {
        var parser = new NginxParser(path, nginxPrefix, diagnostics, fileCache);
        var source = parser.TryRead(path, include: null);
        return source is null ? null : Read(parser, source, context);
    }

    /// <summary>Reads <paramref name="text"/> as the content of the main file <paramref name="path"/>; includes are read from disk.</summary>
    public static NginxConfiguration ReadText(string path, string text, DiagnosticBag diagnostics) =>
        Read(new NginxParser(path, LintOptions.DefaultNginxPrefix, diagnostics, new NginxFileCache()), NginxSourceText.FromString(path, text), context: null);

    private static NginxConfiguration Read(NginxParser parser, NginxSourceText source, NginxContext? context)
    {
        var mainFile = parser.ParseMain(source);
        return new NginxConfiguration(mainFile, context ?? InferContext(mainFile.Directives), parser.Files.ToArray());
    }

    /// <summary>
    /// Guesses which block a file's top level stands for: the main context when it has main-only
    /// directives, a server snippet when it has locations but no servers, and otherwise an http snippet.
    /// </summary>
    internal static NginxContext InferContext(IReadOnlyList<NginxDirective> topLevel)
    {
        if (topLevel.Any(directive => MainOnlyNames.Contains(directive.Name)))
        {
            return NginxContext.Main;
        }

        var hasServer = topLevel.Any(directive => directive.Name == "server" && directive.HasBlock);
        var hasLocation = topLevel.Any(directive => directive.Name == "location");
        return !hasServer && hasLocation ? NginxContext.Server : NginxContext.Http;
    }
}
