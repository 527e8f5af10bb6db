using System;
using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Nginx.Rules;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Nginx;

/// <summary>Entry point of the nginx side of the linter.</summary>
public static class NginxLinter
{
    private static readonly INginxRule[] Rules =
    {
        new LegacyTlsProtocolRule(),
        new BrokenCipherSuitesRule(),
        new CipherSuitesWithoutForwardSecrecyRule(),
        new UnverifiedCertificateRule(),
        new RevocationCheckDisabledRule(),
        new HttpsNotEnforcedRule(),
        new ClearTextUpstreamRule(),
        new ServerVersionDisclosedRule(),
        new HstsNotEnabledRule(),
        new HstsPolicyTooWeakRule(),
        new SecurityHeadersMissingRule(),
        new NestedAddHeaderDropsHeadersRule(),
        new AuthenticationEndpointWithoutRateLimitingRule(),
    };

    /// <summary>
    /// Returns whether a file is nginx configuration, judged by its path and the start of its text.
    /// </summary>
    public static bool IsNginxConfiguration(string path, string text) => NginxRecognizer.IsNginxConfiguration(path, text);

    /// <summary>
    /// Reads the given nginx files, follows their includes, runs every implemented nginx rule and reports
    /// findings and read problems into <paramref name="diagnostics"/>. A file that another file of the set
    /// includes is analyzed in that context rather than on its own. Files are matched by their real path,
    /// so a site file that a <c>sites-enabled</c> link points to counts as included.
    /// </summary>
    public static void Lint(IReadOnlyList<string> files, LintOptions options, DiagnosticBag diagnostics)
    {
        var reads = files
            .GroupBy(PathIdentity.RealPath, PathComparison.Comparer)
            .Select(group => group.First())
            .Select(path => ReadIsolated(path, options))
            .ToList();

        var includers = IncludersByPath(reads);
        var sink = new DeduplicatingSink(diagnostics);
        foreach (var read in reads.Where(read => !IsIncludedByAnother(read, includers)))
        {
            sink.Add(read.Diagnostics);
            if (read.Configuration is null)
            {
                continue;
            }

            foreach (var file in read.Configuration.Files)
            {
                diagnostics.RecordFileRead(file.Path);
            }

            foreach (var file in NginxCommentedFile.From(read.Configuration))
            {
                diagnostics.RecordCommentedFile(file);
            }

            var findings = new DiagnosticBag();
            Analyze(read.Configuration, options, findings);
            sink.Add(findings);
        }
    }

    /// <summary>Runs every implemented nginx rule over one configuration that is already read.</summary>
    internal static void Analyze(NginxConfiguration configuration, LintOptions options, DiagnosticBag diagnostics)
    {
        var context = new NginxRuleContext(configuration, options, diagnostics);
        foreach (var rule in Rules)
        {
            rule.Analyze(context);
        }
    }

    private static FileRead ReadIsolated(string path, LintOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var configuration = NginxReader.ReadFile(path, diagnostics, context: null, options.NginxPrefix, options.FileSystem);
        var included = configuration is null
            ? new HashSet<string>(PathComparison.Comparer)
            : new HashSet<string>(configuration.Files.Skip(1).Select(file => PathIdentity.RealPath(file.Path)), PathComparison.Comparer);
        return new FileRead(PathIdentity.RealPath(path), configuration, diagnostics, included);
    }

    /// <summary>
    /// Maps each included file's real path to the files of the set that include it, so that finding a
    /// file's includers costs one lookup rather than a pass over the whole set.
    /// </summary>
    private static Dictionary<string, List<FileRead>> IncludersByPath(IReadOnlyList<FileRead> reads)
    {
        var includers = new Dictionary<string, List<FileRead>>(PathComparison.Comparer);
        foreach (var read in reads)
        {
            foreach (var included in read.IncludedFiles)
            {
                if (!includers.TryGetValue(included, out var list))
                {
                    list = new List<FileRead>();
                    includers[included] = list;
                }

                list.Add(read);
            }
        }

        return includers;
    }

    /// <summary>
    /// A file is analyzed through its includer when another file of the set includes it, unless the two
    /// include each other: then neither is above the other and both stay roots.
    /// </summary>
    private static bool IsIncludedByAnother(FileRead read, Dictionary<string, List<FileRead>> includers) =>
        includers.TryGetValue(read.FullPath, out var candidates)
        && candidates.Any(other => other != read && !read.IncludedFiles.Contains(other.FullPath));

    private sealed class FileRead
    {
        public FileRead(string fullPath, NginxConfiguration? configuration, DiagnosticBag diagnostics, HashSet<string> includedFiles)
        {
            FullPath = fullPath;
            Configuration = configuration;
            Diagnostics = diagnostics;
            IncludedFiles = includedFiles;
        }

        public string FullPath { get; }

        public NginxConfiguration? Configuration { get; }

        public DiagnosticBag Diagnostics { get; }

        public HashSet<string> IncludedFiles { get; }
    }
}
