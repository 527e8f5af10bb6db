using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Output;

/// <summary>
/// Computes SARIF <c>partialFingerprints.primaryLocationLineHash</c> values, which code scanning uses to
/// recognise an alert again after the file around it changed.
/// </summary>
/// <remarks>
/// The hash covers the rule ID and the text of the finding's first line with its whitespace normalised
/// (trimmed, inner runs collapsed to one space), so inserting lines above a finding or re-indenting it
/// keeps the value. Two findings of one rule on identical lines of one file are distinguished by a 1-based
/// occurrence counter after a colon, counted in the order the findings are given. A line that cannot be
/// read (the file changed or vanished) is hashed as the finding's message instead.
/// </remarks>
internal sealed class LineFingerprint
{
    private readonly Dictionary<string, string[]?> linesByFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> occurrences = new(StringComparer.Ordinal);

    /// <summary>Returns the fingerprint of the next finding; call it once per finding, in output order.</summary>
    public string Next(Finding finding) =>
        Next(finding.Rule.Id, finding.Location.FilePath, finding.Location.StartLine, finding.Message);

    /// <summary>
    /// Returns the fingerprint of a result of <paramref name="ruleId"/> at <paramref name="line"/> of a file;
    /// <paramref name="fallbackText"/> is hashed when the line cannot be read.
    /// </summary>
    public string Next(string ruleId, string filePath, int line, string fallbackText)
    {
        var text = ReadLine(filePath, line) ?? fallbackText;
        var hash = Hash(ruleId + "\n" + Normalize(text));

        var key = filePath + "\n" + ruleId + "\n" + hash;
        occurrences.TryGetValue(key, out var count);
        occurrences[key] = ++count;

        return hash + ":" + count.ToString(CultureInfo.InvariantCulture);
    }

    internal static string Normalize(string line)
    {
        var builder = new StringBuilder(line.Length);
        var pendingSpace = false;
        foreach (var character in line.Trim())
        {
            if (char.IsWhiteSpace(character))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(character);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Returns a hash of the rule ID, the finding's line and the text of its region, each with whitespace
    /// normalised, without an occurrence counter. The region's text distinguishes two findings of one rule
    /// on one line. Baselines use it, and count identical hashes themselves.
    /// </summary>
    public string ContextHash(Finding finding)
    {
        var location = finding.Location;
        var line = ReadLine(location.FilePath, location.StartLine);
        if (line is null)
        {
            return Hash(finding.Rule.Id + "\n" + Normalize(finding.Message));
        }

        var start = Math.Min(location.StartColumn - 1, line.Length);
        var end = location.EndLine == location.StartLine ? Math.Min(Math.Max(location.EndColumn - 1, start), line.Length) : line.Length;
        return Hash(finding.Rule.Id + "\n" + Normalize(line) + "\n" + Normalize(line.Substring(start, end - start)));
    }

    private static string Hash(string text)
    {
        using var sha = SHA256.Create();
        var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var builder = new StringBuilder(16);
        for (var i = 0; i < 8; i++)
        {
            builder.Append(digest[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private string? ReadLine(string path, int line)
    {
        if (!linesByFile.TryGetValue(path, out var lines))
        {
            lines = TryReadAllLines(path);
            linesByFile[path] = lines;
        }

        return lines is not null && line <= lines.Length ? lines[line - 1] : null;
    }

    private static string[]? TryReadAllLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception exception) when (ReadFailure.IsReadError(exception))
        {
            return null;
        }
    }
}
