using System;
using System.Globalization;
using System.IO;
using System.Text;
using NetSecAnalyzers.ConfigLinter;
using NetSecAnalyzers.ConfigLinter.Output;

namespace NetSecAnalyzers.Cli;

/// <summary>
/// The file that <c>--output</c> names. It is checked before linting, so that a path that cannot be a file
/// fails at once instead of after a long run. Errors that only writing reveals are reported when writing.
/// </summary>
internal sealed class ReportFile
{
    private readonly string givenPath;
    private readonly string fullPath;

    private ReportFile(string givenPath, string fullPath)
    {
        this.givenPath = givenPath;
        this.fullPath = fullPath;
    }

    /// <summary>
    /// Resolves <paramref name="givenPath"/> against <paramref name="workingDirectory"/>. Returns null and
    /// sets <paramref name="error"/> when the path is empty, is a folder, or is in a folder that does not
    /// exist. The error's example file name ends with <paramref name="extension"/>.
    /// </summary>
    public static ReportFile? Resolve(string givenPath, string workingDirectory, string extension, out string? error)
    {
        error = null;
        var exampleName = "netsec." + extension;
        if (string.IsNullOrWhiteSpace(givenPath))
        {
            error = "The --output path is empty. Give a file path, such as '" + exampleName + "'.";
            return null;
        }

        var fullPath = Path.GetFullPath(Path.Combine(workingDirectory, givenPath));
        if (Directory.Exists(fullPath) || Path.GetFileName(fullPath).Length == 0)
        {
            error = Failure(givenPath, "it is a folder") + " Give a file path, such as '" + Path.Combine(givenPath, exampleName) + "'.";
            return null;
        }

        var folder = Path.GetDirectoryName(fullPath);
        if (folder is not null && !Directory.Exists(folder))
        {
            var shownFolder = Path.GetDirectoryName(givenPath) is { Length: > 0 } given ? given : folder;
            error = File.Exists(folder)
                ? Failure(givenPath, "'" + shownFolder + "' is a file, not a folder") + " Give a path in a folder."
                : Failure(givenPath, "the folder '" + shownFolder + "' does not exist") + " Create it first, or give a path in an existing folder.";
            return null;
        }

        return new ReportFile(givenPath, fullPath);
    }

    /// <summary>Writes the report as UTF-8 without a byte order mark. Throws an IOException whose message is for the user.</summary>
    public void Write(ILintFormatter formatter, LintResult result)
    {
        var report = new StringWriter(CultureInfo.InvariantCulture);
        formatter.Write(result, report);
        Write(report.ToString());
    }

    /// <summary>Writes finished report text, with the same encoding and error messages.</summary>
    public void Write(string report)
    {
        try
        {
            File.WriteAllText(fullPath, report, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new IOException(
                Failure(givenPath, "permission denied") + " Give a path you can write to, or make the file or its folder writable.",
                exception);
        }
        catch (IOException exception)
        {
            throw new IOException(Failure(givenPath, exception.Message.TrimEnd('.')), exception);
        }
    }

    /// <summary>The absolute path of the file, so that a command can avoid reading it as one of its inputs.</summary>
    public string FullPath => fullPath;

    private static string Failure(string givenPath, string reason) =>
        "Cannot write the report to '" + givenPath + "': " + reason + ".";
}
