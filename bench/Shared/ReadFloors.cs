using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace NetSecAnalyzers.Benchmarks;

/// <summary>The timer and the read floors every benchmark compares the linter against, in the same process.</summary>
internal static class ReadFloors
{
    public static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    public static long ReadAll(IEnumerable<string> files)
    {
        long total = 0;
        foreach (var file in files)
        {
            total += File.ReadAllBytes(file).Length;
        }

        return total;
    }

    /// <summary>Runs cat over the files in a child process. The time includes starting sh, xargs and cat.</summary>
    public static void ExternalCat(IReadOnlyList<string> files)
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

    public static string FindRepositoryRoot()
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
}
