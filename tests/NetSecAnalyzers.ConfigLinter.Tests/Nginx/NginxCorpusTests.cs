using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Nginx;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

/// <summary>
/// Reads the real-world nginx corpus and compares the reader's syntax errors with what <c>nginx -t</c>
/// 1.22.1 reported for each file, as recorded in the corpus's results table.
/// </summary>
public class NginxCorpusTests
{
    public static TheoryData<string> ResultRows()
    {
        var data = new TheoryData<string>();
        if (SharedCorpus.Directory is null)
        {
            data.Add("(corpus absent)");
            return data;
        }

        foreach (var row in ReadResults())
        {
            data.Add(row.File);
        }

        return data;
    }

    /// <summary>
    /// Reads every file of the nginx corpus, not only the configuration: the JSON parse trees, certificates
    /// and notes beside the fixtures are bad input the reader must survive too.
    /// </summary>
    [CorpusFact]
    public void EveryCorpusFile_ReadsWithoutException()
    {
        var root = Path.Combine(SharedCorpus.RequireDirectory(), "nginx");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToList();

        Assert.True(files.Count > 500, "expected the whole corpus, found " + files.Count + " files");
        foreach (var file in files)
        {
            var diagnostics = new DiagnosticBag();
            var exception = Record.Exception(() => NginxLinter.Lint(new[] { file }, new LintOptions(), diagnostics));
            Assert.True(exception is null, Relative(root, file) + ": " + exception);
        }
    }

    [CorpusTheory]
    [MemberData(nameof(ResultRows))]
    public void CorpusFile_SyntaxVerdictMatchesNginx(string file)
    {
        var row = ReadResults().Single(result => result.File == file);
        var path = Path.Combine(SharedCorpus.RequireDirectory(), "nginx", row.File);
        var diagnostics = new DiagnosticBag();

        // nginx -t read each snippet wrapped in the block the table names, so the reader gets the same context.
        var configuration = NginxReader.ReadFile(path, diagnostics, ContextOf(row.WrappedAs));
        Assert.NotNull(configuration);
        NginxLinter.Analyze(configuration!, new LintOptions(), diagnostics);

        var syntaxErrors = diagnostics.Notifications.Where(notification => notification.Code == NginxNotificationCodes.Syntax).ToList();
        if (row.Category == "ok")
        {
            Assert.True(syntaxErrors.Count == 0, "nginx accepted " + file + ", the reader reported: " + string.Join("; ", syntaxErrors));
        }
        else if (row.Category == "syntax")
        {
            Assert.True(syntaxErrors.Count > 0, "nginx reported '" + row.FirstError + "' for " + file + ", the reader reported nothing");
        }
    }

    [CorpusFact]
    public void LargeCrossplaneConfig_Parses()
    {
        var path = Path.Combine(SharedCorpus.RequireDirectory(), "nginx", "nginx-go-crossplane", "testdata", "configs", "large-config", "nginx.conf");
        var diagnostics = new DiagnosticBag();

        var configuration = NginxReader.ReadFile(path, diagnostics);

        Assert.NotNull(configuration);
        Assert.True(new FileInfo(path).Length > 1_000_000);
        Assert.DoesNotContain(diagnostics.Notifications, notification => notification.Code == NginxNotificationCodes.Syntax);
        Assert.True(configuration!.AllDirectives().Count() > 1000);
    }

    /// <summary>
    /// Lints the 1.3 MB generated config with every rule, the cipher rules included: it has thousands of
    /// servers, so a rule that fails on any shape of server shows here.
    /// </summary>
    [CorpusFact]
    public void LargeCrossplaneConfig_LintsWithoutError()
    {
        var path = Path.Combine(SharedCorpus.RequireDirectory(), "nginx", "nginx-go-crossplane", "testdata", "configs", "large-config", "nginx.conf");
        var diagnostics = new DiagnosticBag();

        var exception = Record.Exception(() => NginxLinter.Lint(new[] { path }, new LintOptions(), diagnostics));

        Assert.Null(exception);
        Assert.DoesNotContain(diagnostics.Notifications, notification => notification.Level == NotificationLevel.Error);
        Assert.True(diagnostics.Findings.Count > 1000, "expected findings on the generated servers, got " + diagnostics.Findings.Count);
    }

    private static NginxContext ContextOf(string wrappedAs) => wrappedAs switch
    {
        "http" => NginxContext.Http,
        "server" => NginxContext.Server,
        "location" => NginxContext.Location,
        _ => NginxContext.Main,
    };

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static IEnumerable<ResultRow> ReadResults()
    {
        var table = Path.Combine(SharedCorpus.RequireDirectory(), "nginx", "NGINX_T_RESULTS.tsv");
        foreach (var line in File.ReadLines(table).Skip(1))
        {
            var columns = line.Split('\t');
            if (columns.Length >= 4)
            {
                yield return new ResultRow(columns[0], columns[1], columns[3], columns.Length > 4 ? columns[4] : string.Empty);
            }
        }
    }

    private sealed record ResultRow(string File, string WrappedAs, string Category, string FirstError);
}
