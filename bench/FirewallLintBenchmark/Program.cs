using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetSecAnalyzers.ConfigLinter;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Firewall;

namespace NetSecAnalyzers.Benchmarks;

/// <summary>
/// Times the ufw and iptables linter against the floor of reading the same bytes, on the ufw corpus and on a
/// generated set of at least 100 MB, in one process so the ratios compare like with like.
/// </summary>
internal static class Program
{
    private const int Seed = 20261204;
    private const long GeneratedBytes = 100L * 1024 * 1024;

    private static int Main(string[] args)
    {
        if (!BenchmarkConsole.TryParseArguments(args, "FirewallLintBenchmark", out var corpusArgument, out var jsonPath))
        {
            return 2;
        }

        var corpus = Path.GetFullPath(corpusArgument ?? Path.Combine(ReadFloors.FindRepositoryRoot(), "..", "shared", "corpus", "ufw"));
        if (!Directory.Exists(corpus))
        {
            Console.Error.WriteLine($"The ufw corpus folder {corpus} does not exist. Pass its path as the first argument.");
            return 1;
        }

        var report = new List<Measurement>();
        Console.WriteLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, {Environment.ProcessorCount} cores, {Environment.OSVersion}");
        report.AddRange(MeasureSet("corpus", corpus));

        var generated = Path.Combine(Path.GetTempPath(), "netsec-firewall-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var written = new FirewallConfigGenerator(Seed).Generate(generated, GeneratedBytes);
            Console.WriteLine($"Generated {written / 1048576.0:F1} MB under {generated} (seed {Seed}).");
            report.AddRange(MeasureSet("generated", generated));
        }
        finally
        {
            Directory.Delete(generated, recursive: true);
        }

        BenchmarkConsole.PrintTable(report);
        if (jsonPath is not null)
        {
            File.WriteAllText(jsonPath, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        }

        return 0;
    }

    /// <summary>
    /// Lints the folder through <see cref="LintEngine"/>, as <c>netsec lint</c> does, so the time includes
    /// walking the folder and recognising each file. Most corpus files (manual pages, application profiles,
    /// notes) are recognised as nothing and only classified.
    /// </summary>
    private static IEnumerable<Measurement> MeasureSet(string name, string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).OrderBy(path => path, StringComparer.Ordinal).ToArray();
        var megabytes = files.Sum(path => new FileInfo(path).Length) / 1048576.0;

        // One untimed pass fills the page cache, so every figure reads from memory, as cat would on a second run.
        ReadFloors.ReadAll(files);

        var readTime = ReadFloors.Time(() => ReadFloors.ReadAll(files));
        var catTime = ReadFloors.Time(() => ReadFloors.ExternalCat(files));
        var firewallFiles = files.Where(path => FirewallLinter.IsFirewallFile(path, File.ReadAllText(path))).ToArray();
        var linterTime = ReadFloors.Time(() => FirewallLinter.Lint(firewallFiles, new LintOptions(), new DiagnosticBag()));

        GC.Collect();
        using var sampler = new HeapSampler();
        LintResult? result = null;
        var lintTime = ReadFloors.Time(() => result = new LintEngine().Lint(new[] { folder }, new LintOptions(), folder));
        var peakHeap = sampler.Stop();
        Process.GetCurrentProcess().Refresh();
        var peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;

        Console.WriteLine($"{name}: {files.Length} files, {megabytes:F1} MB, {result!.FilesAnalyzed.Count} linted, {result.Findings.Count} findings, {result.Notifications.Count} notifications.");
        return new[]
        {
            new Measurement(name, "files", files.Length, ""),
            new Measurement(name, "files linted", result.FilesAnalyzed.Count, ""),
            new Measurement(name, "size", megabytes, "MB"),
            new Measurement(name, "lint wall time", lintTime.TotalMilliseconds, "ms"),
            new Measurement(name, "lint throughput", files.Length / lintTime.TotalSeconds, "files/s"),
            new Measurement(name, "lint throughput", megabytes / lintTime.TotalSeconds, "MB/s"),
            new Measurement(name, "read (File.ReadAllBytes)", readTime.TotalMilliseconds, "ms"),
            new Measurement(name, "read (xargs cat)", catTime.TotalMilliseconds, "ms"),
            new Measurement(name, "firewall linter only (FirewallLinter.Lint on the recognised files)", linterTime.TotalMilliseconds, "ms"),
            new Measurement(name, "engine share (lint minus firewall linter only)", (lintTime - linterTime).TotalMilliseconds, "ms"),
            new Measurement(name, "lint / ReadAllBytes", lintTime.TotalMilliseconds / readTime.TotalMilliseconds, "x"),
            new Measurement(name, "lint / cat", lintTime.TotalMilliseconds / catTime.TotalMilliseconds, "x"),
            new Measurement(name, "peak managed heap during lint (GC.GetTotalMemory, sampled)", peakHeap / 1048576.0, "MB"),
            new Measurement(name, "peak working set of the process so far (PeakWorkingSet64)", peakWorkingSet / 1048576.0, "MB"),
        };
    }
}
