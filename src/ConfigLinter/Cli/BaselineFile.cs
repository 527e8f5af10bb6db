using System;
using System.Globalization;
using System.IO;
using System.Text;
using NetSecAnalyzers.ConfigLinter;
using NetSecAnalyzers.ConfigLinter.Output;

namespace NetSecAnalyzers.Cli;

/// <summary>Reads and writes the baseline files that <c>--baseline</c> and <c>--write-baseline</c> name.</summary>
internal static class BaselineFile
{
    /// <summary>
    /// Loads a baseline; returns null and sets <paramref name="error"/> when the file cannot be read or is
    /// not a baseline. A format error names the file, line and column.
    /// </summary>
    public static Baseline? Load(string givenPath, string workingDirectory, out string? error)
    {
        error = null;
        var fullPath = Path.GetFullPath(Path.Combine(workingDirectory, givenPath));
        if (Directory.Exists(fullPath))
        {
            error = "The baseline file '" + givenPath + "' is a folder. Give the path of a file, such as '" + Path.Combine(givenPath, "netsec-baseline.json") + "'.";
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(fullPath, Encoding.UTF8);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            error = "The baseline file '" + givenPath + "' was not found. Create it with 'netsec lint --write-baseline " + givenPath + "'.";
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error = "Cannot read the baseline file '" + givenPath + "': " + exception.Message.TrimEnd('.') + ".";
            return null;
        }

        try
        {
            return Baseline.Parse(text);
        }
        catch (BaselineFormatException exception)
        {
            error = givenPath
                + ":" + exception.Line.ToString(CultureInfo.InvariantCulture)
                + ":" + exception.Column.ToString(CultureInfo.InvariantCulture)
                + ": invalid baseline: " + exception.Message;
            return null;
        }
    }

    /// <summary>Writes <paramref name="baseline"/> as UTF-8 without a byte order mark; returns an error message on failure.</summary>
    public static string? Save(Baseline baseline, string givenPath, string workingDirectory)
    {
        var fullPath = Path.GetFullPath(Path.Combine(workingDirectory, givenPath));
        if (Directory.Exists(fullPath))
        {
            return "Cannot write the baseline file '" + givenPath + "': it is a folder. Give a file path, such as '" + Path.Combine(givenPath, "netsec-baseline.json") + "'.";
        }

        var text = new StringWriter(CultureInfo.InvariantCulture);
        baseline.Write(text);
        try
        {
            File.WriteAllText(fullPath, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "Cannot write the baseline file '" + givenPath + "': " + exception.Message.TrimEnd('.') + ".";
        }
    }
}
