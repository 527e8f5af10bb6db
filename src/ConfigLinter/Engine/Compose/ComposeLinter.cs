using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Compose.Project;
using NetSecAnalyzers.ConfigLinter.Compose.Rules;
using NetSecAnalyzers.ConfigLinter.Compose.Yaml;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Compose;

/// <summary>Entry point of the compose side of the linter.</summary>
public static class ComposeLinter
{
    private static readonly IComposeRule[] Rules =
    {
        new CertificateValidationDisabledRule(),
        new SensitivePortPublishedRule(),
        new PortPublishedOnAllInterfacesRule(),
        new DataTierNotIsolatedRule(),
        new ContainerBypassesNetworkIsolationRule(),
    };

    /// <summary>Returns whether a file is a compose file, judged by its name and the start of its text.</summary>
    public static bool IsComposeFile(string path, string text) => ComposeRecognizer.IsComposeFile(path, text);

    /// <summary>
    /// Reads the given compose files as projects (a main file with its override file, includes and
    /// <c>extends</c> followed), runs every compose rule, and reports findings and read problems into
    /// <paramref name="diagnostics"/>. A file that another file of the set includes is analyzed as part of
    /// that project rather than on its own. The firewall formats run first, so the port rules see the
    /// scan's host firewall in <see cref="DiagnosticBag.HostFirewall"/>.
    /// </summary>
    public static void Lint(IReadOnlyList<string> files, LintOptions options, DiagnosticBag diagnostics) =>
        Lint(files, options, diagnostics, YamlLimits.Default);

    internal static void Lint(IReadOnlyList<string> files, LintOptions options, DiagnosticBag diagnostics, YamlLimits limits)
    {
        var loaderDiagnostics = new DiagnosticBag();
        var loader = new ComposeProjectLoader(limits, loaderDiagnostics, options.FileSystem);
        var projects = new List<LoadedProject>();
        foreach (var paths in ProjectFiles(files, options.FileSystem))
        {
            var project = loader.Load(paths);
            if (project is not null)
            {
                projects.Add(new LoadedProject(paths[0], project));
            }
        }

        var sink = new DeduplicatingSink(diagnostics);
        sink.Add(loaderDiagnostics);
        foreach (var path in loaderDiagnostics.FilesRead)
        {
            diagnostics.RecordFileRead(path);
        }

        foreach (var file in loaderDiagnostics.CommentedFiles)
        {
            diagnostics.RecordCommentedFile(file);
        }

        foreach (var loaded in Roots(projects))
        {
            var findings = new DiagnosticBag();
            Analyze(loaded.Project, options, findings, diagnostics.HostFirewall);
            sink.Add(findings);
        }
    }

    /// <summary>Runs every compose rule over one project that is already read.</summary>
    internal static void Analyze(ComposeProject project, LintOptions options, DiagnosticBag diagnostics, Firewall.HostFirewallFacts firewall)
    {
        var context = new ComposeRuleContext(project, options, diagnostics, firewall);
        foreach (var rule in Rules)
        {
            rule.Analyze(context);
        }
    }

    /// <summary>
    /// Groups the files into projects as Compose would read them: a main file with the override file
    /// beside it. An override file whose main file exists is read only with it.
    /// </summary>
    private static IEnumerable<List<string>> ProjectFiles(IReadOnlyList<string> files, IConfigFileSystem fileSystem)
    {
        var handed = new HashSet<string>(files.Select(PathIdentity.RealPath), PathComparison.Comparer);
        var seen = new HashSet<string>(PathComparison.Comparer);
        foreach (var file in files)
        {
            if (ComposeRecognizer.IsOverrideFile(file) && ComposeRecognizer.MainFileOf(file, fileSystem) is { } main)
            {
                var mainRealPath = PathIdentity.RealPath(main);
                if (!handed.Contains(mainRealPath) && seen.Add(mainRealPath))
                {
                    yield return new List<string> { main, file };
                }

                continue;
            }

            if (!seen.Add(PathIdentity.RealPath(file)))
            {
                continue;
            }

            var overrideFile = ComposeRecognizer.OverrideFileOf(file, fileSystem);
            yield return overrideFile is null ? new List<string> { file } : new List<string> { file, overrideFile };
        }
    }

    /// <summary>
    /// Returns the projects to analyze: a project whose main file another project reads (through
    /// <c>include</c> or <c>extends</c>) is analyzed as part of that one, unless each reads the other.
    /// </summary>
    private static IEnumerable<LoadedProject> Roots(List<LoadedProject> projects)
    {
        var readers = new IncluderIndex<LoadedProject>(projects, project => project.MainRealPath, project => project.FileRealPaths);
        return projects.Where(candidate => !readers.IsIncludedByAnother(candidate));
    }

    private sealed class LoadedProject
    {
        public LoadedProject(string main, ComposeProject project)
        {
            Project = project;
            MainRealPath = PathIdentity.RealPath(main);
            FileRealPaths = new HashSet<string>(project.Files.Select(file => PathIdentity.RealPath(file.FilePath)), PathComparison.Comparer) { MainRealPath };
        }

        public ComposeProject Project { get; }

        public string MainRealPath { get; }

        public HashSet<string> FileRealPaths { get; }
    }
}
