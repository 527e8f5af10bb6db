using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetSecAnalyzers.ConfigLinter;
using NetSecAnalyzers.ConfigLinter.Configuration;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
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
        var nginxPrefix = new Option<string>("--nginx-prefix")
        {
            Description = "The absolute folder that holds nginx.conf on the deployment machine; absolute includes under it are read from the linted folder.",
            HelpName = "path",
            DefaultValueFactory = _ => LintOptions.DefaultNginxPrefix,
            CustomParser = ParseNginxPrefix,
        };
        var hstsMinimumMaxAge = new Option<long>("--hsts-min-max-age")
        {
            Description = "The shortest HSTS max-age, in seconds, that NETSEC033 accepts.",
            HelpName = "seconds",
            DefaultValueFactory = _ => LintOptions.DefaultHstsMinimumMaxAge,
            CustomParser = ParseHstsMinimumMaxAge,
        };
        var authenticationPaths = new Option<IReadOnlyList<string>>("--auth-paths")
        {
            // The default is written into the description because System.CommandLine shows a list default
            // joined with "|", which is not how the option is written.
            Description = "Comma-separated path words that mark sign-in, token and password-reset endpoints; replaces the default list."
                + DefaultListHelp(LintOptions.DefaultAuthenticationPathPatterns),
            HelpName = "words",
            CustomParser = ParseAuthenticationPaths,
        };
        var baselineFile = new Option<string?>("--baseline")
        {
            Description = "Report only findings that this baseline file does not record; recorded ones are left out of text output and the exit code.",
            HelpName = "file",
        };
        var writeBaselineFile = new Option<string?>("--write-baseline")
        {
            Description = "Record every finding of this run in this baseline file, replacing it, and treat them all as recorded.",
            HelpName = "file",
        };
        var sensitivePorts = new Option<IReadOnlyList<int>>("--sensitive-ports")
        {
            Description = "Comma-separated ports and ranges, such as 5432,6379,9000-9100, that NETSEC051 reports when they are open to any address; replaces the default list."
                + DefaultListHelp(LintOptions.DefaultSensitivePorts),
            HelpName = "ports",
            CustomParser = ParseSensitivePorts,
        };
        var jobs = new Option<int>("--jobs", "-j")
        {
            Description = "The maximum number of main files read and analyzed at the same time, each on its own thread; the findings and their order do not depend on it.",
            HelpName = "threads",
            DefaultValueFactory = _ => Environment.ProcessorCount,
            CustomParser = ParseJobs,
        };
        var configFile = new Option<string?>("--config")
        {
            Description = "Read settings from this file instead of the .netsec.ini found in the working folder or its nearest parent.",
            HelpName = "file",
        };

        var command = new Command("lint", "Lint configuration files and folders. Exit codes: 0 no new findings at or above --fail-level, 1 such findings, 2 usage error, invalid baseline, or unreadable or unparsable input (2 wins over 1).")
        {
            paths,
            format,
            outputFile,
            failLevel,
            nginxVersion,
            nginxPrefix,
            hstsMinimumMaxAge,
            authenticationPaths,
            baselineFile,
            writeBaselineFile,
            sensitivePorts,
            jobs,
            configFile,
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

            var settings = ConfigFileLocator.Load(parseResult.GetValue(configFile), context.WorkingDirectory, out var configError);
            if (configError is not null)
            {
                context.Error.WriteLine(NetsecCommand.ErrorPrefix + configError);
                return ExitCodes.Error;
            }

            Baseline? baseline = null;
            if (parseResult.GetValue(baselineFile) is { } baselinePath)
            {
                baseline = BaselineFile.Load(baselinePath, context.WorkingDirectory, out var baselineError);
                if (baseline is null)
                {
                    context.Error.WriteLine(NetsecCommand.ErrorPrefix + baselineError);
                    return ExitCodes.Error;
                }
            }

            // Precedence, lowest first: .editorconfig sections that match the file, then .netsec.ini (or
            // --config), then command-line options.
            void ApplyCommandLine(LintOptions options)
            {
                settings?.ApplyTo(options);
                if (IsGiven(parseResult, nginxVersion))
                {
                    options.NginxVersion = parseResult.GetValue(nginxVersion)!;
                }

                if (IsGiven(parseResult, nginxPrefix))
                {
                    options.NginxPrefix = parseResult.GetValue(nginxPrefix)!;
                }

                if (IsGiven(parseResult, hstsMinimumMaxAge))
                {
                    options.HstsMinimumMaxAge = parseResult.GetValue(hstsMinimumMaxAge);
                }

                if (IsGiven(parseResult, authenticationPaths))
                {
                    options.AuthenticationPathPatterns = parseResult.GetValue(authenticationPaths)!;
                }

                if (IsGiven(parseResult, sensitivePorts))
                {
                    options.SensitivePorts = parseResult.GetValue(sensitivePorts)!;
                }

                options.MaxDegreeOfParallelism = parseResult.GetValue(jobs);
            }

            var editorConfig = new EditorConfigOptions(ApplyCommandLine);
            var result = new LintEngine(context.Formats).Lint(parseResult.GetValue(paths)!, editorConfig.OptionsFor, context.WorkingDirectory);
            result = EditorConfigSeverities.Apply(result, editorConfig.Lookup);
            var extraNotifications = (settings?.Notifications ?? Array.Empty<LintNotification>()).Concat(editorConfig.Notifications).ToList();
            if (extraNotifications.Count > 0)
            {
                result = new LintResult(
                    result.BaseDirectory,
                    result.Findings,
                    result.Notifications.Concat(extraNotifications),
                    result.FilesAnalyzed);
            }

            if (parseResult.GetValue(writeBaselineFile) is { } newBaselinePath)
            {
                baseline = Baseline.Create(result);
                if (BaselineFile.Save(baseline, newBaselinePath, context.WorkingDirectory) is { } writeError)
                {
                    context.Error.WriteLine(NetsecCommand.ErrorPrefix + writeError);
                    return ExitCodes.Error;
                }
            }

            baseline?.Apply(result);

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

    /// <summary>True when the option was on the command line, so it overrides the configuration file.</summary>
    /// <summary>Returns the help text's note on a list option's default, written as the option takes it.</summary>
    private static string DefaultListHelp<T>(IEnumerable<T> values) =>
        " [default: " + string.Join(",", values.Select(value => Convert.ToString(value, CultureInfo.InvariantCulture))) + "]";

    private static bool IsGiven(ParseResult parseResult, Option option) => parseResult.GetResult(option) is { Implicit: false };

    private static string SingleToken(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;

    private static Version? ParseNginxVersion(ArgumentResult result)
    {
        if (!SettingValues.TryParseNginxVersion(SingleToken(result), "--nginx-version", out var version, out var error))
        {
            result.AddError(error!);
        }

        return version;
    }

    private static string? ParseNginxPrefix(ArgumentResult result)
    {
        if (!SettingValues.TryParseNginxPrefix(SingleToken(result), "--nginx-prefix", out var prefix, out var error))
        {
            result.AddError(error!);
        }

        return prefix;
    }

    private static long ParseHstsMinimumMaxAge(ArgumentResult result)
    {
        if (!SettingValues.TryParseHstsMinimumMaxAge(SingleToken(result), "--hsts-min-max-age", out var seconds, out var error))
        {
            result.AddError(error!);
        }

        return seconds;
    }

    private static IReadOnlyList<string>? ParseAuthenticationPaths(ArgumentResult result)
    {
        if (!SettingValues.TryParseAuthenticationPathPatterns(SingleToken(result), "--auth-paths", out var patterns, out var error))
        {
            result.AddError(error!);
        }

        return patterns;
    }

    private static int ParseJobs(ArgumentResult result)
    {
        var text = SingleToken(result);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var threads) || threads < 1)
        {
            result.AddError("Invalid --jobs '" + text + "': expected a whole number of threads of 1 or more, such as 2.");
            return 1;
        }

        return threads;
    }

    private static IReadOnlyList<int>? ParseSensitivePorts(ArgumentResult result)
    {
        if (!SettingValues.TryParseSensitivePorts(SingleToken(result), "--sensitive-ports", out var ports, out var error))
        {
            result.AddError(error!);
        }

        return ports;
    }
}
