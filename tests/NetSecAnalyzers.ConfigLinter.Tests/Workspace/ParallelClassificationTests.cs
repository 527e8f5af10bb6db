using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NetSecAnalyzers.ConfigLinter.Output;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Tests.Workspace;

/// <summary>
/// Classifying the inputs on several threads gives the output of one thread: the same formats, and the
/// same notes about skipped files in the same order.
/// </summary>
public sealed class ParallelClassificationTests
{
    [Fact]
    public void ParallelClassification_MatchesSequentialOutput()
    {
        using var folder = new TemporaryFolder();
        var paths = WriteInputs(folder);

        var sequential = Lint(folder, paths, maxDegreeOfParallelism: 1);

        for (var run = 0; run < 5; run++)
        {
            Assert.Equal(sequential.Json, Lint(folder, paths, maxDegreeOfParallelism: 4).Json);
        }

        // Every kind of classification result has to be in the fixture, or the comparison proves little.
        var result = sequential.Result;
        Assert.Contains(result.Notifications, notification => notification.Code == NotificationCodes.BinaryFile);
        Assert.Contains(result.Notifications, notification => notification.Code == NotificationCodes.EmptyFile);
        Assert.Contains(result.Notifications, notification => notification.Code == NotificationCodes.UnrecognizedFile);
        Assert.Contains(result.Findings, finding => finding.Rule.Id == "NETSEC001");
        Assert.Contains(result.FilesAnalyzed, path => path.EndsWith("compose.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void ParallelClassification_KeepsInputOrderOfNotes()
    {
        using var folder = new TemporaryFolder();
        var paths = WriteInputs(folder);

        var result = Lint(folder, paths, maxDegreeOfParallelism: 4).Result;

        // Notes without a location keep the order of the inputs they are about.
        var skipped = new List<string>();
        foreach (var notification in result.Notifications)
        {
            if (notification.Location is null)
            {
                skipped.Add(notification.Message);
            }
        }

        Assert.Equal(30, skipped.Count);
        for (var i = 0; i < skipped.Count; i++)
        {
            Assert.Contains("file-" + i.ToString("D2", CultureInfo.InvariantCulture), skipped[i]);
        }
    }

    /// <summary>Writes files of every classification, named in input order, and returns their paths.</summary>
    private static List<string> WriteInputs(TemporaryFolder folder)
    {
        var paths = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var name = "file-" + i.ToString("D2", CultureInfo.InvariantCulture);
            switch (i % 3)
            {
                case 0:
                    paths.Add(folder.Write(name + ".bin", "binary\0data"));
                    break;
                case 1:
                    paths.Add(folder.Write(name + ".txt", string.Empty));
                    break;
                default:
                    paths.Add(folder.Write(name + ".txt", "just some notes\n"));
                    break;
            }

            paths.Add(folder.Write("nginx-" + i.ToString("D2", CultureInfo.InvariantCulture) + "/nginx.conf", "http {\n    server {\n        listen 443 ssl;\n        ssl_protocols TLSv1 TLSv1.2;\n    }\n}\n"));
        }

        paths.Add(folder.Write("app/compose.yaml", "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"5432:5432\"\n"));
        return paths;
    }

    private static (LintResult Result, string Json) Lint(TemporaryFolder folder, IReadOnlyList<string> paths, int maxDegreeOfParallelism)
    {
        var options = new LintOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        var result = new LintEngine().Lint(paths, options, folder.Path);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new JsonFormatter().Write(result, writer);
        return (result, writer.ToString());
    }
}
