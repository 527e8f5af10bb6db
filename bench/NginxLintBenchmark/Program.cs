using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime;
using System.Text.Json;
using NetSecAnalyzers.ConfigLinter;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.Benchmarks;

/// <summary>
/// Times the nginx linter against the floor of reading the same bytes: the corpus, a generated set of at
/// least 100 MB, and the largest crossplane config on its own. Everything is measured in one process so the
/// ratios compare like with like.
/// </summary>
internal static class Program
{
    private const int Seed = 20261204;
    private const long GeneratedBytes = 100L * 1024 * 1024;
    private const int SingleFileRuns = 15;

    /// <summary>The threads each lint run may use: <c>--jobs N</c>, else the default of <see cref="LintOptions"/>.</summary>
    private static int parallelism = new LintOptions().MaxDegreeOfParallelism;

    private static int Main(string[] args)
    {
        if (!TryTakeJobs(ref args) || !BenchmarkConsole.TryParseArguments(args, "NginxLintBenchmark [--jobs N]", out var corpusArgument, out var jsonPath))
        {
            return 2;
        }

        var repositoryRoot = ReadFloors.FindRepositoryRoot();
        var corpus = Path.GetFullPath(corpusArgument ?? Path.Combine(repositoryRoot, "..", "shared", "corpus", "nginx"));
        if (!Directory.Exists(corpus))
        {
            Console.Error.WriteLine($"The nginx corpus folder {corpus} does not exist. Pass its path as the first argument.");
            return 1;
        }

        var report = new List<Measurement>();
        Console.WriteLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, {Environment.ProcessorCount} cores, {Environment.OSVersion}");
        Console.WriteLine($"Degree of parallelism of the lint runs: {parallelism} (LintOptions.MaxDegreeOfParallelism); server GC: {GCSettings.IsServerGC}, GC latency mode: {GCSettings.LatencyMode}.");
        report.Add(new Measurement("all", "degree of parallelism (LintOptions.MaxDegreeOfParallelism)", parallelism, "threads"));

        report.AddRange(MeasureSet("corpus", corpus));

        var generated = Path.Combine(Path.GetTempPath(), "netsec-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var written = new ConfigGenerator(Seed).Generate(generated, GeneratedBytes);
            Console.WriteLine($"Generated {written / 1048576.0:F1} MB under {generated} (seed {Seed}).");
            report.AddRange(MeasureSet("generated", generated));
        }
        finally
        {
            Directory.Delete(generated, recursive: true);
        }

        var bigFile = FindLargestCrossplaneFile(corpus);
        if (bigFile is null)
        {
            Console.WriteLine("No crossplane folder in the corpus: the single-file measurement is skipped.");
        }
        else
        {
            report.AddRange(MeasureSingleFile(bigFile));
        }

        BenchmarkConsole.PrintTable(report);
        if (jsonPath is not null)
        {
            File.WriteAllText(jsonPath, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        }

        return 0;
    }

    /// <summary>
    /// Parse only reads every file on its own with its includes, so a site that nginx.conf includes is
    /// parsed twice there. The linter reads main files first and skips the files they already read. So its
    /// parsing can take less than this figure, which is therefore not a part of the lint time.
    /// </summary>
    private static IEnumerable<Measurement> MeasureSet(string name, string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).OrderBy(path => path, StringComparer.Ordinal).ToArray();
        var bytes = files.Sum(path => new FileInfo(path).Length);
        var megabytes = bytes / 1048576.0;

        // One untimed pass fills the page cache, so every figure below reads from memory, as cat would on a
        // second run. The cost of the first read belongs to the disk, not to the linter.
        ReadFloors.ReadAll(files);

        var readTime = ReadFloors.Time(() => ReadFloors.ReadAll(files));
        var catTime = ReadFloors.Time(() => ReadFloors.ExternalCat(files));
        var parseTime = ReadFloors.Time(() => ParseAll(files));

        GC.Collect();
        using var sampler = new HeapSampler();
        LintResult? result = null;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var lintTime = ReadFloors.Time(() => result = new LintEngine().Lint(new[] { folder }, Options(), folder));
        var lintCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var peakHeap = sampler.Stop();
        Process.GetCurrentProcess().Refresh();
        var peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;

        Console.WriteLine($"{name}: {files.Length} files, {megabytes:F1} MB, {result!.Findings.Count} findings, {result.Notifications.Count} notifications.");
        return new[]
        {
            new Measurement(name, "files", files.Length, ""),
            new Measurement(name, "size", megabytes, "MB"),
            new Measurement(name, "lint wall time", lintTime.TotalMilliseconds, "ms"),
            new Measurement(name, "lint CPU time of the process, every thread (GC included)", lintCpu.TotalMilliseconds, "ms"),
            new Measurement(name, "lint throughput", files.Length / lintTime.TotalSeconds, "files/s"),
            new Measurement(name, "lint throughput", megabytes / lintTime.TotalSeconds, "MB/s"),
            new Measurement(name, "read (File.ReadAllBytes)", readTime.TotalMilliseconds, "ms"),
            new Measurement(name, "read (xargs cat)", catTime.TotalMilliseconds, "ms"),
            new Measurement(name, "parse only (NginxReader.ReadFile)", parseTime.TotalMilliseconds, "ms"),
            new Measurement(name, "rules and the rest (lint minus parse only)", (lintTime - parseTime).TotalMilliseconds, "ms"),
            new Measurement(name, "lint / ReadAllBytes", lintTime.TotalMilliseconds / readTime.TotalMilliseconds, "x"),
            new Measurement(name, "lint / cat", lintTime.TotalMilliseconds / catTime.TotalMilliseconds, "x"),
            new Measurement(name, "peak managed heap during lint (GC.GetTotalMemory, sampled)", peakHeap / 1048576.0, "MB"),
            new Measurement(name, "peak working set of the process so far (PeakWorkingSet64)", peakWorkingSet / 1048576.0, "MB"),
        };
    }

    private static LintOptions Options() => new() { MaxDegreeOfParallelism = parallelism };

    /// <summary>Removes <c>--jobs N</c> from the arguments and keeps N; returns false when N is not a positive number.</summary>
    private static bool TryTakeJobs(ref string[] args)
    {
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] != "--jobs")
            {
                rest.Add(args[i]);
                continue;
            }

            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out parallelism) || parallelism < 1)
            {
                Console.Error.WriteLine("--jobs needs a number of threads of 1 or more.");
                return false;
            }

            i++;
        }

        args = rest.ToArray();
        return true;
    }

    private static IEnumerable<Measurement> MeasureSingleFile(string path)
    {
        var paths = new[] { path };
        var folder = Path.GetDirectoryName(path)!;
        for (var i = 0; i < 3; i++)
        {
            new LintEngine().Lint(paths, Options(), folder);
        }

        var lint = Median(() => new LintEngine().Lint(paths, Options(), folder));
        var parse = Median(() => NginxReader.ReadFile(path, new DiagnosticBag()));
        var read = Median(() => File.ReadAllBytes(path));
        var name = "single " + Path.GetFileName(Path.GetDirectoryName(path)) + "/" + Path.GetFileName(path);
        Console.WriteLine($"{name}: {path}, {new FileInfo(path).Length} bytes.");
        return new[]
        {
            new Measurement(name, "size", new FileInfo(path).Length / 1048576.0, "MB"),
            new Measurement(name, $"lint, median of {SingleFileRuns} after warm-up", lint, "ms"),
            new Measurement(name, $"parse only, median of {SingleFileRuns}", parse, "ms"),
            new Measurement(name, "rules and the rest (lint minus parse only)", lint - parse, "ms"),
            new Measurement(name, $"read (File.ReadAllBytes), median of {SingleFileRuns}", read, "ms"),
        };
    }

    private static double Median(Action action)
    {
        var times = Enumerable.Range(0, SingleFileRuns).Select(_ => ReadFloors.Time(action).TotalMilliseconds).OrderBy(time => time).ToArray();
        return times[times.Length / 2];
    }

    private static void ParseAll(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            NginxReader.ReadFile(file, new DiagnosticBag());
        }
    }

    private static string? FindLargestCrossplaneFile(string corpus) =>
        new[] { "crossplane", "nginx-go-crossplane" }
            .Select(name => Path.Combine(corpus, name))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.conf", SearchOption.AllDirectories))
            .OrderByDescending(path => new FileInfo(path).Length)
            .FirstOrDefault();
}
