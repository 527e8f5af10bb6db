using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace NetSecAnalyzers.ConfigLinter.Tests.Tls;

/// <summary>A fact that runs only where an <c>openssl</c> command is on the PATH.</summary>
internal sealed class OpenSslFactAttribute : FactAttribute
{
    public OpenSslFactAttribute()
    {
        if (OpenSsl.Path is null)
        {
            Skip = "No openssl command on the PATH.";
        }
    }
}

/// <summary>Runs the machine's <c>openssl</c> for tests that compare with it.</summary>
internal static class OpenSsl
{
    public static readonly string? Path = Find();

    /// <summary>
    /// Returns the TLS 1.0–1.2 suite names <c>openssl ciphers -v</c> lists for a string, or an empty list
    /// when openssl rejects it.
    /// </summary>
    public static string[] Ciphers(string cipherString)
    {
        var start = new ProcessStartInfo(Path!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("ciphers");
        start.ArgumentList.Add("-v");
        start.ArgumentList.Add(cipherString);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 1 && fields[1] != "TLSv1.3")
            .Select(fields => fields[0])
            .ToArray();
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => System.IO.Path.Combine(folder, OperatingSystem.IsWindows() ? "openssl.exe" : "openssl"))
            .FirstOrDefault(File.Exists);
}
