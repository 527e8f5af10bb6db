using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Compose.Yaml;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Compose.Project;

/// <summary>
/// Reads compose files into projects: override files merged onto their main file, <c>include</c> and
/// <c>extends</c> followed. Each file is read once per lint run, however many projects use it.
/// </summary>
internal sealed class ComposeProjectLoader
{
    /// <summary>The top-level keys of the Compose Specification, besides <c>x-</c> extensions.</summary>
    private static readonly HashSet<string> TopLevelKeys = new(StringComparer.Ordinal)
    {
        "services", "include", "networks", "volumes", "configs", "secrets", "name", "version", "models",
    };

    /// <summary>The keys that give a compose file content; <c>name</c> and <c>version</c> alone also open a Helm chart.</summary>
    private static readonly HashSet<string> ContentKeys = new(StringComparer.Ordinal)
    {
        "services", "include", "networks", "volumes", "configs", "secrets", "models",
    };

    private readonly YamlLimits limits;
    private readonly DiagnosticBag diagnostics;
    private readonly IConfigFileSystem fileSystem;
    private readonly Dictionary<string, ComposeSourceFile?> files = new(PathComparison.Comparer);

    public ComposeProjectLoader(YamlLimits limits, DiagnosticBag diagnostics, IConfigFileSystem? fileSystem = null)
    {
        this.limits = limits;
        this.diagnostics = diagnostics;
        this.fileSystem = fileSystem ?? DiskFileSystem.Instance;
    }

    /// <summary>
    /// Reads <paramref name="paths"/> (a main file and its override files, in merge order) as one project.
    /// Returns null when none of them is a readable compose file.
    /// </summary>
    public ComposeProject? Load(IReadOnlyList<string> paths)
    {
        var variables = ComposeVariables.FromProjectFolder(Folder(paths[0]), fileSystem);
        return Load(paths, variables, new List<string>(), includeLocation: null);
    }

    /// <summary>Reads one file, or returns the copy read before. Returns null after a notification when it cannot be read.</summary>
    public ComposeSourceFile? ReadFile(string path, ComposeVariables variables, SourceLocation? referencedFrom = null)
    {
        var key = PathIdentity.RealPath(path);
        if (files.TryGetValue(key, out var cached))
        {
            return cached;
        }

        files[key] = null;
        string text;
        try
        {
            text = fileSystem.ReadAllText(path);
        }
        catch (Exception exception) when (ReadFailure.IsReadError(exception) || exception is ArgumentException or NotSupportedException)
        {
            diagnostics.Notify(ReadFailure.Notification(path, exception, kind: "compose file", ComposeNotificationCodes.Reference, referencedFrom));
            return null;
        }

        diagnostics.RecordFileRead(path);
        var file = new ComposeSourceFile(path, variables);
        var read = YamlTreeReader.Read(path, text, limits, diagnostics, file);
        if (read is null)
        {
            return null;
        }

        file.Documents = read.Documents;
        file.Statements = read.Statements;
        file.Comments = YamlComments.Collect(path, text);
        diagnostics.RecordCommentedFile(file);

        if (!IsCompose(file))
        {
            diagnostics.Notify(new LintNotification(
                ComposeNotificationCodes.NotCompose,
                NotificationLevel.Note,
                "Skipped '" + path + "': it is YAML but not a compose file (its top level is not a mapping with services, include, networks or volumes).",
                new SourceLocation(path, 1, 1, 1, 1)));
            return null;
        }

        files[key] = file;
        return file;
    }

    /// <summary>
    /// A compose file is empty or a mapping with content keys and no key that Compose would reject, which
    /// distinguishes it from Kubernetes manifests and Helm charts.
    /// </summary>
    private static bool IsCompose(ComposeSourceFile file) =>
        file.Documents.Count == 0
        || (file.Documents[0] is MappingNode root
            && root.Entries.Any(entry => ContentKeys.Contains(entry.Key.Value))
            && root.Entries.All(entry => TopLevelKeys.Contains(entry.Key.Value) || entry.Key.Value.StartsWith("x-", StringComparison.Ordinal)))
        || (file.Documents[0] is ScalarNode scalar && scalar.IsNull);

    private ComposeProject? Load(IReadOnlyList<string> paths, ComposeVariables variables, List<string> includeChain, SourceLocation? includeLocation)
    {
        var read = new List<ComposeSourceFile>();
        MappingNode? merged = null;
        foreach (var path in paths)
        {
            var file = ReadFile(path, variables, includeLocation);
            if (file is null)
            {
                continue;
            }

            read.Add(file);
            foreach (var document in file.Documents.OfType<MappingNode>())
            {
                merged = merged is null ? document : ComposeMerge.Merge(merged, document) as MappingNode;
            }
        }

        if (read.Count == 0)
        {
            return null;
        }

        var services = new List<ComposeService>();
        var networks = merged?.Get("networks") as MappingNode;
        var usedFiles = new List<ComposeSourceFile>(read);
        var extends = new ExtendsResolver(this, diagnostics);
        if (merged?.Get("services") is MappingNode servicesNode)
        {
            foreach (var entry in servicesNode.Entries)
            {
                if (entry.Value is MappingNode definition)
                {
                    services.Add(new ComposeService(entry.Key, extends.Resolve(definition, entry.Key.Value, usedFiles)));
                }
            }
        }

        if (merged?.Get("include") is SequenceNode includes)
        {
            AddIncludes(includes, variables, includeChain.Concat(read.Select(file => PathIdentity.RealPath(file.FilePath))).ToList(), services, ref networks, usedFiles);
        }

        return new ComposeProject(services, networks, usedFiles.Distinct().ToList());
    }

    /// <summary>
    /// Adds the services and networks of each included project. A name the including project defines
    /// itself keeps its own definition; Compose rejects such a conflict, so either way the file needs a fix.
    /// </summary>
    private void AddIncludes(SequenceNode includes, ComposeVariables variables, List<string> chain, List<ComposeService> services, ref MappingNode? networks, List<ComposeSourceFile> usedFiles)
    {
        foreach (var include in includes.Items)
        {
            var paths = IncludePaths(include).ToList();
            if (paths.Count == 0)
            {
                continue;
            }

            var folder = Folder(include.File?.FilePath ?? include.Location.FilePath);
            var resolved = paths.Select(path => (Node: path, FullPath: Path.GetFullPath(Path.Combine(folder, path.Text)))).ToList();
            var first = resolved[0];
            if (chain.Contains(PathIdentity.RealPath(first.FullPath), PathComparison.Comparer))
            {
                diagnostics.Notify(new LintNotification(
                    ComposeNotificationCodes.Reference,
                    NotificationLevel.Warning,
                    "The include of '" + first.Node.Text + "' forms a cycle; Compose rejects it, and the linter reads the file once.",
                    first.Node.Location));
                continue;
            }

            var includedVariables = ComposeVariables.FromProjectFolder(Folder(first.FullPath), fileSystem).WithFallback(variables);
            var project = Load(resolved.Select(path => path.FullPath).ToList(), includedVariables, chain, first.Node.Location);
            if (project is null)
            {
                continue;
            }

            usedFiles.AddRange(project.Files);
            foreach (var service in project.Services)
            {
                if (!services.Any(existing => existing.Name == service.Name))
                {
                    services.Add(service);
                }
            }

            if (project.Networks is not null)
            {
                networks = networks is null ? project.Networks : ComposeMerge.Merge(project.Networks, networks) as MappingNode;
            }
        }
    }

    private static IEnumerable<(string Text, SourceLocation Location)> IncludePaths(YamlNode include)
    {
        var pathNode = include is MappingNode mapping ? mapping.Get("path") : include;
        if (pathNode is null)
        {
            yield break;
        }

        var nodes = pathNode is SequenceNode list ? list.Items : new[] { pathNode };
        foreach (var node in nodes.OfType<ScalarNode>())
        {
            var text = ComposeValues.Text(node);
            if (text is not null && text.Length > 0 && !IsRemote(text))
            {
                yield return (text, node.Location);
            }
        }
    }

    /// <summary>
    /// Returns whether an include names a remote source (<c>oci://</c>, a git URL, or another loader's
    /// <c>name:</c> prefix), which the linter does not fetch. A one-letter prefix is a Windows drive.
    /// </summary>
    private static bool IsRemote(string path)
    {
        var colon = path.IndexOf(':');
        return colon > 1 && path.IndexOf('/', 0, colon) < 0 && path.IndexOf('\\', 0, colon) < 0;
    }

    internal static string Folder(string path) => Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
}
