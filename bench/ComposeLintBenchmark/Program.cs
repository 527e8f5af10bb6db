using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetSecAnalyzers.ConfigLinter;
using NetSecAnalyzers.ConfigLinter.Compose;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.Benchmarks;

/// <summary>
/// Times the compose linter against the floor of reading the same bytes, on the compose corpus and on a
/// generated set. Everything is measured in one process so the ratios compare like with like.
/// </summary>
internal static class Program
{
    private const int Seed = 20261204;
    private const long DefaultGeneratedBytes = 50L * 1024 * 1024;

    private static int Main(string[] args)
    {
        string? corpusArgument = null;
        string? jsonPath = null;
        var generatedBytes = DefaultGeneratedBytes;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--json" && i + 1 < args.Length)
            {
                jsonPath = args[++i];
            }
            else if (args[i] == "--generated-mb" && i + 1 < args.Length && int.TryParse(args[i + 1], out var megabytes) && megabytes > 0)
            {
                generatedBytes = megabytes * 1024L * 1024;
                i++;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"Unknown option {args[i]}. Usage: ComposeLintBenchmark [CORPUS_FOLDER] [--generated-mb N] [--json FILE]");
                return 2;
            }
            else
            {
                corpusArgument = args[i];
            }
        }

        var corpus = Path.GetFullPath(corpusArgument ?? Path.Combine(FindRepositoryRoot(), "..", "shared", "corpus", "compose"));
        if (!Directory.Exists(corpus))
        {
            Console.Error.WriteLine($"The compose corpus folder {corpus} does not exist. Pass its path as the first argument.");
            return 1;
        }

        var report = new List<Measurement>();
        Console.WriteLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, {Environment.ProcessorCount} cores, {Environment.OSVersion}");
        report.AddRange(MeasureSet("corpus", corpus));

        var generated = Path.Combine(Path.GetTempPath(), "netsec-compose-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var written = new ComposeGenerator(Seed).Generate(generated, generatedBytes);
            Console.WriteLine($"Generated {written / 1048576.0:F1} MB under {generated} (seed {Seed}).");
            report.AddRange(MeasureSet("generated", generated));
        }
        finally
        {
            Directory.Delete(generated, recursive: true);
        }

        PrintTable(report);
        if (jsonPath is not null)
        {
            File.WriteAllText(jsonPath, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        }

        return 0;
    }

    /// <summary>
    /// The lint figure covers everything <c>netsec lint</c> does over the folder: classifying every file,
    /// reading the compose projects and running the rules. Read only is the compose linter over the
    /// compose files alone, rules included, so the difference is the folder walk and classification.
    /// </summary>
    private static IEnumerable<Measurement> MeasureSet(string name, string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).OrderBy(path => path, StringComparer.Ordinal).ToArray();
        var bytes = files.Sum(path => new FileInfo(path).Length);
        var megabytes = bytes / 1048576.0;

        // One untimed pass fills the page cache, so every figure below reads from memory, as cat would on a
        // second run. The cost of the first read belongs to the disk, not to the linter.
        ReadAll(files);
        new LintEngine().Lint(new[] { folder }, new LintOptions(), folder);

        var readTime = Time(() => ReadAll(files));
        var catTime = Time(() => ExternalCat(files));
        var composeFiles = files.Where(path => ComposeLinter.IsComposeFile(path, File.ReadAllText(path))).ToArray();
        var composeTime = Time(() => ComposeLinter.Lint(composeFiles, new LintOptions(), new DiagnosticBag()));

        GC.Collect();
        using var sampler = new HeapSampler();
        LintResult? result = null;
        var lintTime = Time(() => result = new LintEngine().Lint(new[] { folder }, new LintOptions(), folder));
        var peakHeap = sampler.Stop();
        Process.GetCurrentProcess().Refresh();
        var peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;

        Console.WriteLine($"{name}: {files.Length} files ({composeFiles.Length} compose), {megabytes:F1} MB, {result!.Findings.Count} findings, {result.Notifications.Count} notifications.");
        return new[]
        {
            new Measurement(name, "files", files.Length, ""),
            new Measurement(name, "size", megabytes, "MB"),
            new Measurement(name, "lint wall time", lintTime.TotalMilliseconds, "ms"),
            new Measurement(name, "lint throughput", files.Length / lintTime.TotalSeconds, "files/s"),
            new Measurement(name, "lint throughput", megabytes / lintTime.TotalSeconds, "MB/s"),
            new Measurement(name, "read (File.ReadAllBytes)", readTime.TotalMilliseconds, "ms"),
            new Measurement(name, "read (xargs cat)", catTime.TotalMilliseconds, "ms"),
            new Measurement(name, "compose linter on the compose files only", composeTime.TotalMilliseconds, "ms"),
            new Measurement(name, "lint / ReadAllBytes", lintTime.TotalMilliseconds / readTime.TotalMilliseconds, "x"),
            new Measurement(name, "lint / cat", lintTime.TotalMilliseconds / catTime.TotalMilliseconds, "x"),
            new Measurement(name, "peak managed heap during lint (GC.GetTotalMemory, sampled)", peakHeap / 1048576.0, "MB"),
            new Measurement(name, "peak working set of the process so far (PeakWorkingSet64)", peakWorkingSet / 1048576.0, "MB"),
        };
    }

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    private static long ReadAll(IEnumerable<string> files)
    {
        long total = 0;
        foreach (var file in files)
        {
            total += File.ReadAllBytes(file).Length;
        }

        return total;
    }

    /// <summary>Runs cat over the files in a child process. The time includes starting sh, xargs and cat.</summary>
    private static void ExternalCat(IReadOnlyList<string> files)
    {
        var start = new ProcessStartInfo("sh", new[] { "-c", "xargs -0 cat > /dev/null" })
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start sh to run cat.");
        foreach (var file in files)
        {
            process.StandardInput.Write(file);
            process.StandardInput.Write('\0');
        }

        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"xargs cat exited with {process.ExitCode}.");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NetSecAnalyzers.sln")))
            {
                return folder.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static void PrintTable(IReadOnlyList<Measurement> report)
    {
        var setWidth = report.Max(row => row.Set.Length);
        var nameWidth = report.Max(row => row.Name.Length);
        Console.WriteLine();
        foreach (var row in report)
        {
            Console.WriteLine($"{row.Set.PadRight(setWidth)}  {row.Name.PadRight(nameWidth)}  {row.Value,12:F1} {row.Unit}");
        }
    }

    internal sealed record Measurement(string Set, string Name, double Value, string Unit);
}
