using System;
using System.Collections.Generic;
using System.Linq;

namespace NetSecAnalyzers.Benchmarks;

/// <summary>One figure of a benchmark run: the input set, what was measured, the value and its unit.</summary>
internal sealed record Measurement(string Set, string Name, double Value, string Unit);

/// <summary>The command line and the printed table that every benchmark shares.</summary>
internal static class BenchmarkConsole
{
    /// <summary>
    /// Reads <c>[CORPUS_FOLDER] [--json FILE]</c>. Returns false after printing the usage of
    /// <paramref name="program"/> for an unknown option.
    /// </summary>
    public static bool TryParseArguments(string[] args, string program, out string? corpus, out string? jsonPath)
    {
        corpus = null;
        jsonPath = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--json" && i + 1 < args.Length)
            {
                jsonPath = args[++i];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"Unknown option {args[i]}. Usage: {program} [CORPUS_FOLDER] [--json FILE]");
                return false;
            }
            else
            {
                corpus = args[i];
            }
        }

        return true;
    }

    public static void PrintTable(IReadOnlyList<Measurement> report)
    {
        var setWidth = report.Max(row => row.Set.Length);
        var nameWidth = report.Max(row => row.Name.Length);
        Console.WriteLine();
        foreach (var row in report)
        {
            Console.WriteLine($"{row.Set.PadRight(setWidth)}  {row.Name.PadRight(nameWidth)}  {row.Value,12:F1} {row.Unit}");
        }
    }
}
