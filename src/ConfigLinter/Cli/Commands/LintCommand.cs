using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;
using NetSecAnalyzers.ConfigLinter;
using NetSecAnalyzers.ConfigLinter.Output;

namespace NetSecAnalyzers.Cli.Commands;

/// <summary><c>netsec lint PATH...</c>: lints files and folders and reports what it finds.</summary>
internal static class LintCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Files or folders to lint. Folders are searched recursively, skipping hidden folders, .git, bin, obj and node_modules.",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => new[] { "." },
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Report format: text (compiler-style lines), json (netsec's own shape) or sarif (SARIF 2.1.0).",
            DefaultValueFactory = _ => "text",
        };
        Choices.AcceptOnly(format, "text", "json", "sarif");
        var outputFile = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to this file instead of standard output; standard output then gets the summary line only.",
            HelpName = "file",
        };
        var failLevel = new Option<string>("--fail-level")
        {
            Description = "Exit with 1 when a finding has this level or a higher one (error, warning, note); 'none' never does. Read and parse errors exit with 2 regardless.",
            DefaultValueFactory = _ => "warning",
        };
        Choices.AcceptOnly(failLevel, "error", "warning", "note", "none");
        var nginxVersion = new Option<Version>("--nginx-version")
        {
            Description = "The nginx version whose built-in defaults the nginx rules assume.",
            HelpName = "X.Y.Z",
            DefaultValueFactory = _ => LintOptions.DefaultNginxVersion,
            CustomParser = ParseNginxVersion,
        };

        var command = new Command("lint", "Lint configuration files and folders. Exit codes: 0 no findings at or above --fail-level, 1 such findings, 2 usage error or unreadable or unparsable input (2 wins over 1).")
        {
            paths,
            format,
            outputFile,
            failLevel,
            nginxVersion,
        };

        command.SetAction(parseResult =>
        {
            var outputFormat = ParseEnum<OutputFormat>(parseResult.GetValue(format)!);
            ReportFile? reportFile = null;
            if (parseResult.GetValue(outputFile) is { } target)
            {
                reportFile = ReportFile.Resolve(target, context.WorkingDirectory, outputFormat.FileExtension(), out var error);
                if (reportFile is null)
                {
                    context.Error.WriteLine(NetsecCommand.ErrorPrefix + error);
                    return ExitCodes.Error;
                }
            }

            var options = new LintOptions { NginxVersion = parseResult.GetValue(nginxVersion)! };
            var result = new LintEngine(context.Formats).Lint(parseResult.GetValue(paths)!, options, context.WorkingDirectory);
            var formatter = outputFormat.CreateFormatter();
            if (reportFile is null)
            {
                formatter.Write(result, context.Output);
            }
            else
            {
                reportFile.Write(formatter, result);
                context.Output.WriteLine(TextFormatter.Summary(result));
            }

            return ParseEnum<FailLevel>(parseResult.GetValue(failLevel)!).ExitCodeFor(result);
        });

        return command;
    }

    /// <summary>Maps a value that Choices.AcceptOnly already checked onto its enum member.</summary>
    private static TEnum ParseEnum<TEnum>(string value)
        where TEnum : struct => (TEnum)Enum.Parse(typeof(TEnum), value, ignoreCase: true);

    private static Version? ParseNginxVersion(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        var parts = text.Split('.');
        var valid = parts.Length == 3 && parts.All(part => part.Length > 0 && part.All(char.IsDigit));
        if (valid && Version.TryParse(text, out var version))
        {
            return version;
        }

        result.AddError("Invalid --nginx-version '" + text + "': expected three numbers such as 1.24.0.");
        return null;
    }
}
