using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NetSecAnalyzers.ConfigLinter.Output;

namespace NetSecAnalyzers.Cli.Commands;

/// <summary>
/// <c>netsec merge-sarif INPUT...</c>: merges the compiler's SARIF logs and netsec's into one SARIF 2.1.0
/// log for one code scanning upload (see <see cref="SarifMerger"/>).
/// </summary>
internal static class MergeSarifCommand
{
    private const string SarifExtension = ".sarif";

    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("input")
        {
            Description = "SARIF 2.1.0 files, or folders whose *.sarif files (searched recursively) are merged.",
            Arity = ArgumentArity.OneOrMore,
        };
        var outputFile = new Option<string?>("--output", "-o")
        {
            Description = "Write the merged log to this file instead of standard output.",
            HelpName = "file",
        };
        var sourceRoot = new Option<string?>("--source-root")
        {
            Description = "The folder that paths are made relative to (%SRCROOT%); the repository's root. Default: the current folder.",
            HelpName = "folder",
        };

        var command = new Command("merge-sarif", "Merge SARIF logs (the compiler's, from -p:ErrorLog=FILE%2Cversion=2.1, and netsec's) into one log for GitHub code scanning. Exit codes: 0 merged, 2 usage error or an input that is missing or not SARIF 2.1.0.")
        {
            inputs,
            outputFile,
            sourceRoot,
        };

        command.SetAction(parseResult =>
        {
            ReportFile? reportFile = null;
            if (parseResult.GetValue(outputFile) is { } target)
            {
                reportFile = ReportFile.Resolve(target, context.WorkingDirectory, "sarif", out var error);
                if (reportFile is null)
                {
                    context.Error.WriteLine(NetsecCommand.ErrorPrefix + error);
                    return ExitCodes.Error;
                }
            }

            var root = Path.GetFullPath(Path.Combine(context.WorkingDirectory, parseResult.GetValue(sourceRoot) ?? "."));
            if (!Directory.Exists(root))
            {
                context.Error.WriteLine(NetsecCommand.ErrorPrefix + "The --source-root folder '" + parseResult.GetValue(sourceRoot) + "' does not exist.");
                return ExitCodes.Error;
            }

            var merger = new SarifMerger(root);
            foreach (var inputPath in parseResult.GetValue(inputs)!)
            {
                if (!TryAddInput(merger, inputPath, reportFile?.FullPath, context, out var error))
                {
                    context.Error.WriteLine(NetsecCommand.ErrorPrefix + error);
                    return ExitCodes.Error;
                }
            }

            var merged = new StringWriter(CultureInfo.InvariantCulture);
            merger.Write(merged);
            if (reportFile is null)
            {
                context.Output.Write(merged.ToString());
            }
            else
            {
                reportFile.Write(merged.ToString());
                var runs = merger.RunCount == 1 ? "1 run" : merger.RunCount.ToString(CultureInfo.InvariantCulture) + " runs";
                context.Output.WriteLine("Merged " + runs + " into " + parseResult.GetValue(outputFile));
            }

            return ExitCodes.Success;
        });

        return command;
    }

    private static bool TryAddInput(SarifMerger merger, string inputPath, string? outputPath, CliContext context, out string? error)
    {
        error = null;
        var fullPath = Path.GetFullPath(Path.Combine(context.WorkingDirectory, inputPath));
        IEnumerable<string> files;
        if (Directory.Exists(fullPath))
        {
            files = Directory.GetFiles(fullPath, "*" + SarifExtension, SearchOption.AllDirectories)
                .Where(file => outputPath is null || !string.Equals(file, outputPath, StringComparison.Ordinal))
                .OrderBy(file => file, StringComparer.Ordinal);
        }
        else if (File.Exists(fullPath))
        {
            files = new[] { fullPath };
        }
        else
        {
            error = "No such file or folder: '" + inputPath + "'.";
            return false;
        }

        var fileList = files.ToList();
        if (fileList.Count == 0)
        {
            // An empty or mistyped folder would otherwise upload a log with no runs, which hides every finding.
            error = "No " + SarifExtension + " files in '" + inputPath + "'.";
            return false;
        }

        foreach (var file in fileList)
        {
            var displayPath = PathDisplay.ForDisplay(file, context.WorkingDirectory);
            try
            {
                merger.Add(File.ReadAllText(file, Encoding.UTF8), Path.GetFileNameWithoutExtension(file));
            }
            catch (SarifInputException exception)
            {
                var position = exception.Line is null ? string.Empty : ":" + exception.Line.Value.ToString(CultureInfo.InvariantCulture) + ":" + exception.Column!.Value.ToString(CultureInfo.InvariantCulture);
                error = displayPath + position + ": invalid SARIF log: " + exception.Message;
                return false;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                error = "Cannot read '" + displayPath + "': " + exception.Message.TrimEnd('.') + ".";
                return false;
            }
        }

        return true;
    }
}
