using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetSecAnalyzers.Cli.Commands;
using NetSecAnalyzers.ConfigLinter.Output;

namespace NetSecAnalyzers.Cli;

/// <summary>The <c>netsec</c> command line: parsing, dispatch, and the one place that turns failures into exit code 2.</summary>
internal static class NetsecCommand
{
    /// <summary>The start of every error line, usage errors included, as compilers and GNU tools write it.</summary>
    public const string ErrorPrefix = "netsec: error: ";

    /// <summary>
    /// Runs the command line in-process and returns its exit code. Every exception except
    /// OutOfMemoryException becomes a one-line message on <paramref name="error"/> and exit code 2.
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string workingDirectory) =>
        RunAsync(args, new CliContext(output, error, workingDirectory));

    internal static async Task<int> RunAsync(string[] args, CliContext context)
    {
        var output = context.Output;
        var error = context.Error;
        try
        {
            var root = Create(context);
            // A path such as '@team.conf' is a file to lint, not a response file of more arguments.
            var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            var usageErrors = UsageErrors.Collect(parseResult, args);
            if (usageErrors.Count > 0)
            {
                foreach (var message in usageErrors)
                {
                    error.WriteLine(ErrorPrefix + message);
                }

                error.WriteLine("Run '" + UsageErrors.HelpCommandFor(parseResult) + "' for usage.");
                return ExitCodes.Error;
            }

            var invocation = new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            };
            return await parseResult.InvokeAsync(invocation).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The last line of defence: print one line, never a stack trace.
            error.WriteLine(ErrorPrefix + exception.Message);
            return ExitCodes.Error;
        }
    }

    internal static RootCommand Create(CliContext context)
    {
        var root = new RootCommand("Lints configuration files for network-security mistakes. It reads nginx configuration today.")
        {
            LintCommand.Create(context),
            RulesCommand.Create(context),
            MergeSarifCommand.Create(context),
        };

        // The built-in --version prints the entry assembly's version, which is the test host's when the
        // command runs in-process; print the product version instead.
        var versionOption = root.Options.OfType<VersionOption>().Single();
        versionOption.Action = new PrintVersionAction(context);
        return root;
    }

    private sealed class PrintVersionAction : SynchronousCommandLineAction
    {
        private readonly CliContext context;

        public PrintVersionAction(CliContext context) => this.context = context;

        public override int Invoke(ParseResult parseResult)
        {
            context.Output.WriteLine(ToolInfo.Version);
            return ExitCodes.Success;
        }
    }
}
