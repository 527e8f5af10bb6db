using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetSecAnalyzers.Analyzers;
using NetSecAnalyzers.ConfigFiles;

namespace NetSecAnalyzers.Benchmarks;

/// <summary>
/// Compiles a generated C# corpus without analyzers, then analyzes it with every analyzer in our assembly
/// and NetAnalyzers' CA5359 and CA5397 analyzers in one <c>CompilationWithAnalyzers</c>, and prints each
/// analyzer's execution time from the driver's telemetry against the compile time. Both the compile and the
/// analysis run on one thread, so the times are comparable amounts of work.
/// </summary>
internal static class Program
{
    private const int Seed = 20261204;
    private static readonly string[] PeerRuleIds = { "CA5359", "CA5397" };

    private static async Task<int> Main(string[] args)
    {
        var files = 2000;
        var runs = 5;
        string? only = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--files" && i + 1 < args.Length && int.TryParse(args[i + 1], out files) && files > 0)
            {
                i++;
            }
            else if (args[i] == "--runs" && i + 1 < args.Length && int.TryParse(args[i + 1], out runs) && runs > 0)
            {
                i++;
            }
            else if (args[i] == "--only" && i + 1 < args.Length)
            {
                only = args[++i];
            }
            else
            {
                Console.Error.WriteLine($"Invalid argument {args[i]}. Usage: AnalyzerBenchmark [--files N] [--runs N] [--only ANALYZER]");
                return 2;
            }
        }

        var sources = new CorpusGenerator(Seed).Generate(files);
        var configFiles = CorpusGenerator.NginxFiles(Math.Max(1, files / 50));
        var references = SdkReferences();
        var ours = OurAnalyzers().Where(analyzer => only is null || Name(analyzer) == only).ToImmutableArray();
        var peers = PeerAnalyzers();
        if (peers.Length == 0)
        {
            Console.Error.WriteLine("No NetAnalyzers analyzer for " + string.Join(" or ", PeerRuleIds) + " was found next to the benchmark.");
            return 1;
        }

        var lines = sources.Sum(source => source.Text.Count(c => c == '\n') + 1);
        var megabytes = sources.Sum(source => (long)Encoding.UTF8.GetByteCount(source.Text)) / (1024.0 * 1024.0);
        Console.WriteLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, Roslyn {typeof(Compilation).Assembly.GetName().Version}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"Corpus: {sources.Count} files, {lines:N0} lines, {megabytes:F1} MB, {configFiles.Length} nginx files as AdditionalFiles, seed {Seed}; {runs} runs after a warm-up");
        Console.WriteLine("Load average at start: " + LoadAverage());
        Console.WriteLine("Ours: " + string.Join(", ", ours.Select(Name)));
        Console.WriteLine("Peers: " + string.Join(", ", peers.Select(Name)));

        var all = ours.AddRange(peers);
        await RunOnceAsync(sources.Take(200).ToList(), references, all, configFiles);

        // An untimed pass with every callback wrapped in a counter gives the number of calls per analyzer.
        // The wrapper costs time, so the timed runs below use the analyzers unwrapped.
        var counters = all.Select(analyzer => new CallCounter(analyzer)).ToImmutableArray();
        var (_, findings) = await RunOnceAsync(sources, references, counters.CastArray<DiagnosticAnalyzer>(), configFiles);
        var calls = counters.ToDictionary(counter => counter.Inner, counter => counter.Calls);

        var compileTimes = new List<double>();
        var compileCpuTimes = new List<double>();
        var analyzerTimes = all.ToDictionary(analyzer => analyzer, _ => new List<double>());
        for (var run = 0; run < runs; run++)
        {
            // Compile and analysis alternate which goes first, and the analyzers' order rotates, so that a
            // change of machine load during a run does not always fall on the same measurement.
            var order = all.Skip(run % all.Length).Concat(all.Take(run % all.Length)).ToImmutableArray();
            if (run % 2 == 1)
            {
                await AnalyzeAsync();
            }

            var (wall, cpu) = Compile(sources, references);
            compileTimes.Add(wall);
            compileCpuTimes.Add(cpu);
            if (run % 2 == 0)
            {
                await AnalyzeAsync();
            }

            async Task AnalyzeAsync()
            {
                var (times, _) = await RunOnceAsync(sources, references, order, configFiles);
                foreach (var (analyzer, time) in times)
                {
                    analyzerTimes[analyzer].Add(time);
                }
            }
        }

        Console.WriteLine("Load average at end: " + LoadAverage());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Compile CPU time (median, whole process): {Median(compileCpuTimes):F0} ms"));
        Report(compileTimes, analyzerTimes, calls, ours, peers, sources.Count, findings);
        return 0;
    }

    private static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(" ", File.ReadAllText(path).Split(' ').Take(3)) : "unknown";
    }

    /// <summary>Parses and emits the corpus without analyzers; returns the wall time and the process's CPU time in milliseconds.</summary>
    private static (double Wall, double Cpu) Compile(List<(string Path, string Text)> sources, ImmutableArray<MetadataReference> references)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var compilation = CreateCompilation(sources, references, ImmutableArray<DiagnosticAnalyzer>.Empty);
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        watch.Stop();
        if (!result.Success)
        {
            var firstError = result.Diagnostics.First(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
            throw new InvalidOperationException("The generated corpus does not compile: " + firstError);
        }

        return (watch.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
    }

    /// <summary>Analyzes a fresh compilation of the corpus; returns each analyzer's execution time and the findings per rule.</summary>
    private static async Task<(Dictionary<DiagnosticAnalyzer, double> Times, Dictionary<string, int> Findings)> RunOnceAsync(
        List<(string Path, string Text)> sources,
        ImmutableArray<MetadataReference> references,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        ImmutableArray<AdditionalText> additionalFiles)
    {
        var compilation = CreateCompilation(sources, references, analyzers);
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles),
            onAnalyzerException: null,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var times = new Dictionary<DiagnosticAnalyzer, double>();
        foreach (var analyzer in analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            times[analyzer is CallCounter counter ? counter.Inner : analyzer] = telemetry.ExecutionTime.TotalMilliseconds;
        }

        var findings = diagnostics.GroupBy(diagnostic => diagnostic.Id).ToDictionary(group => group.Key, group => group.Count());
        return (times, findings);
    }

    /// <summary>
    /// Creates the compilation. Every rule of the given analyzers is turned on as a warning, because the
    /// driver skips analyzers whose rules are all off and CA5359 is off by default.
    /// </summary>
    private static CSharpCompilation CreateCompilation(
        List<(string Path, string Text)> sources, ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, parseOptions, source.Path, Encoding.UTF8));
        var ruleOptions = analyzers
            .SelectMany(analyzer => analyzer.SupportedDiagnostics)
            .Select(descriptor => descriptor.Id)
            .Distinct()
            .ToDictionary(id => id, _ => ReportDiagnostic.Warn);
        var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: false)
            .WithSpecificDiagnosticOptions(ruleOptions);
        return CSharpCompilation.Create("Corpus", trees, references, options);
    }

    private static void Report(
        List<double> compileTimes,
        Dictionary<DiagnosticAnalyzer, List<double>> analyzerTimes,
        Dictionary<DiagnosticAnalyzer, long> calls,
        ImmutableArray<DiagnosticAnalyzer> ours,
        ImmutableArray<DiagnosticAnalyzer> peers,
        int fileCount,
        Dictionary<string, int> findings)
    {
        var compile = Median(compileTimes);
        var fasterPeerPerFile = peers.Min(peer => Median(analyzerTimes[peer]));
        var fasterPeerPerCall = peers.Min(peer => PerCall(peer));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Compile without analyzers (parse and emit, wall time, median): {compile:F0} ms (runs: {Range(compileTimes)})"));
        Console.WriteLine();
        Console.WriteLine("| Analyzer | Rules | Time (median) | Runs min-max | Calls | µs per file | µs per call | Share of compile | Per file vs faster peer | Per call vs faster peer |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var analyzer in ours.Concat(peers))
        {
            var time = Median(analyzerTimes[analyzer]);
            var rules = string.Join(", ", analyzer.SupportedDiagnostics.Select(descriptor => descriptor.Id).Distinct().Take(3));
            var perCall = PerCall(analyzer);
            var comparable = IsPerFile(analyzer);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {Name(analyzer)} | {rules} | {time:F1} ms | {Range(analyzerTimes[analyzer])} | {calls[analyzer]:N0} | {time * 1000 / fileCount:F2} | {perCall:F2} | {time / compile:P2} | {(comparable ? $"{time / fasterPeerPerFile:F2}×" : "n/a")} | {(comparable ? $"{perCall / fasterPeerPerCall:F2}×" : "n/a")} |"));
        }

        var oursTotal = ours.Sum(analyzer => Median(analyzerTimes[analyzer]));
        var peersTotal = peers.Sum(analyzer => Median(analyzerTimes[analyzer]));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ours together: {oursTotal:F1} ms = {oursTotal / compile:P2} of compile time (target under 5 %)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Peers together: {peersTotal:F1} ms = {peersTotal / compile:P2} of compile time"));
        var slowestPerFile = ours.Where(IsPerFile).Select(analyzer => Median(analyzerTimes[analyzer])).DefaultIfEmpty(0).Max();
        var slowestPerCall = ours.Where(IsPerFile).Select(PerCall).DefaultIfEmpty(0).Max();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Slowest of ours / faster peer: {slowestPerFile / fasterPeerPerFile:F2}× per file, {slowestPerCall / fasterPeerPerCall:F2}× per call (target at most 1)"));
        Console.WriteLine("Findings: " + string.Join(", ", findings.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + " " + pair.Value)));

        double PerCall(DiagnosticAnalyzer analyzer) => Median(analyzerTimes[analyzer]) * 1000 / Math.Max(1, calls[analyzer]);

        // The config-file analyzer runs once per compilation over the AdditionalFiles, not over the C#
        // files, so neither its time per C# file nor its one call compares with the peers.
        bool IsPerFile(DiagnosticAnalyzer analyzer) => analyzer is not ConfigFileAnalyzer;
    }

    private static string Range(List<double> values) =>
        string.Create(CultureInfo.InvariantCulture, $"{values.Min():F1}-{values.Max():F1}");

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(value => value).ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Name(DiagnosticAnalyzer analyzer) => analyzer.GetType().Name;

    /// <summary>Every analyzer in our two analyzer assemblies, so that rules added later are measured without a change here.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> OurAnalyzers() =>
        new[] { typeof(LegacyTlsProtocolAnalyzer).Assembly, typeof(ConfigFileAnalyzer).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    /// <summary>The NetAnalyzers analyzers that report CA5359 or CA5397, from the package's files copied next to the benchmark.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> PeerAnalyzers()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "NetAnalyzers");
        var loader = new PathAssemblyLoader();
        var peers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var path in Directory.GetFiles(folder, "*.dll").OrderBy(path => path, StringComparer.Ordinal))
        {
            var reference = new AnalyzerFileReference(path, loader);
            foreach (var analyzer in reference.GetAnalyzers(LanguageNames.CSharp))
            {
                if (analyzer.SupportedDiagnostics.Any(descriptor => PeerRuleIds.Contains(descriptor.Id)))
                {
                    peers.Add(analyzer);
                }
            }
        }

        return peers.ToImmutable();
    }

    /// <summary>The reference assemblies of the newest .NET and ASP.NET Core targeting packs of the running SDK.</summary>
    private static ImmutableArray<MetadataReference> SdkReferences()
    {
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Directory.GetParent(runtimeFolder)!.Parent!.Parent!.FullName;
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            var versions = Directory.GetDirectories(Path.Combine(dotnetRoot, "packs", pack))
                .OrderBy(path => Version.TryParse(Path.GetFileName(path), out var version) ? version : new Version(0, 0))
                .ToList();
            var folder = Directory.GetDirectories(Path.Combine(versions.Last(), "ref")).Single();
            foreach (var file in Directory.GetFiles(folder, "*.dll"))
            {
                references.Add(MetadataReference.CreateFromFile(file));
            }
        }

        return references.ToImmutable();
    }

    private sealed class PathAssemblyLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
