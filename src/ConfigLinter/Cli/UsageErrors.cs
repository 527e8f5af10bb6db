using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;

namespace NetSecAnalyzers.Cli;

/// <summary>
/// Turns a parse result into the usage errors netsec prints, and names the help command that lists the
/// options of the command the user ran.
/// </summary>
/// <remarks>
/// System.CommandLine hands a token such as <c>--bogus</c> to a command's path argument when no option has
/// that name, so <c>netsec lint --bogus</c> would lint a path called "--bogus". Here a token that starts
/// with <c>-</c> is an unknown option unless it follows <c>--</c>, which is how a path that starts with a
/// dash is still given.
/// </remarks>
internal static class UsageErrors
{
    private const string RootCommandName = "netsec";

    /// <summary>Returns one message per usage error, unknown tokens first, in command-line order.</summary>
    public static IReadOnlyList<string> Collect(ParseResult parseResult, IReadOnlyList<string> args)
    {
        var command = parseResult.CommandResult.Command;
        var messages = UnknownOptionWords(parseResult.RootCommandResult.Command, args)
            .Concat(UnknownTokens(parseResult).Select(token => Describe(token, command)))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        // The words after an unknown command were meant for that command, so only the first unknown
        // command is reported.
        if (command.Subcommands.Count > 0)
        {
            var firstUnknownCommand = messages.Find(IsUnknownCommand);
            messages.RemoveAll(message => IsUnknownCommand(message) && !ReferenceEquals(message, firstUnknownCommand));
        }

        // The parser's own errors on a command read "Unrecognized command or argument 'x'", or "Required
        // command was not provided" after a mistyped command. The messages above replace both, because
        // they tell an unknown option from an unknown command or argument.
        var commandErrors = parseResult.Errors.Where(error => error.SymbolResult is CommandResult).ToList();
        if (messages.Count == 0 && commandErrors.Count > 0)
        {
            messages.AddRange(command.Subcommands.Count > 0
                ? new[] { "Missing command: expected " + CommandList(command) + "." }
                : commandErrors.Select(error => error.Message));
        }

        messages.AddRange(parseResult.Errors.Except(commandErrors).Select(error => error.Message));
        return messages;
    }

    /// <summary>Returns the help command of the command the user ran, such as <c>netsec lint --help</c>.</summary>
    public static string HelpCommandFor(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            names.Add(result.Parent is null ? RootCommandName : result.Command.Name);
        }

        names.Reverse();
        return string.Join(" ", names) + " --help";
    }

    /// <summary>
    /// Finds command-line words that start with a dash but are no option's name. The parser would read
    /// <c>-old.conf</c> as <c>-o ld.conf</c>, a short option with its value attached, and write the report
    /// over <c>ld.conf</c>; netsec accepts a value only as the next word or after <c>=</c> or <c>:</c>.
    /// A word that is the value of the option before it, such as <c>--output -report.txt</c>, is not checked.
    /// </summary>
    private static IEnumerable<string> UnknownOptionWords(Command root, IReadOnlyList<string> args)
    {
        var options = OptionsByAlias(root);
        var expectsValue = false;
        foreach (var word in args)
        {
            if (word == "--")
            {
                yield break;
            }

            if (expectsValue)
            {
                expectsValue = false;
                continue;
            }

            if (!LooksLikeOption(word))
            {
                continue;
            }

            var separator = word.IndexOfAny(new[] { '=', ':' });
            var name = separator > 0 ? word.Substring(0, separator) : word;
            if (!options.TryGetValue(name, out var option))
            {
                yield return "Unrecognized option '" + word + "'.";
                continue;
            }

            expectsValue = separator < 0 && option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool);
        }
    }

    private static Dictionary<string, Option> OptionsByAlias(Command root)
    {
        var options = new Dictionary<string, Option>(StringComparer.Ordinal);
        var commands = new Stack<Command>();
        commands.Push(root);
        while (commands.Count > 0)
        {
            var command = commands.Pop();
            foreach (var option in command.Options)
            {
                options[option.Name] = option;
                foreach (var alias in option.Aliases)
                {
                    options[alias] = option;
                }
            }

            foreach (var subcommand in command.Subcommands)
            {
                commands.Push(subcommand);
            }
        }

        return options;
    }

    private static IEnumerable<UnknownToken> UnknownTokens(ParseResult parseResult)
    {
        var tokens = parseResult.Tokens;
        var doubleDash = IndexOfDoubleDash(tokens);
        var argumentTokens = new HashSet<Token>(
            parseResult.CommandResult.Children.OfType<ArgumentResult>().SelectMany(argument => argument.Tokens),
            ReferenceEqualityComparer.Instance);
        var ownedTokens = new HashSet<Token>(OwnedTokens(parseResult.CommandResult), ReferenceEqualityComparer.Instance);

        for (var index = 0; index < tokens.Count; index++)
        {
            var token = tokens[index];
            var afterDoubleDash = index > doubleDash;
            var unmatched = token.Type == TokenType.Argument && !ownedTokens.Contains(token);
            var optionGivenAsPath = !afterDoubleDash && argumentTokens.Contains(token) && LooksLikeOption(token.Value);
            if (unmatched || optionGivenAsPath)
            {
                yield return new UnknownToken(token.Value, afterDoubleDash);
            }
        }
    }

    /// <summary>Returns the tokens the parser gave to an option or argument of the command or its parents.</summary>
    private static IEnumerable<Token> OwnedTokens(CommandResult command)
    {
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            if (result is CommandResult commandResult)
            {
                foreach (var child in commandResult.Children)
                {
                    foreach (var token in child.Tokens)
                    {
                        yield return token;
                    }
                }
            }
        }
    }

    private static int IndexOfDoubleDash(IReadOnlyList<Token> tokens)
    {
        for (var index = 0; index < tokens.Count; index++)
        {
            if (tokens[index].Type == TokenType.DoubleDash)
            {
                return index;
            }
        }

        return tokens.Count;
    }

    /// <summary>A lone "-" is not an option: by convention it names standard input or output.</summary>
    private static bool LooksLikeOption(string value) =>
        value.Length > 1 && value[0] == '-';

    private static string Describe(UnknownToken token, Command command)
    {
        if (!token.AfterDoubleDash && LooksLikeOption(token.Value))
        {
            return "Unrecognized option '" + token.Value + "'.";
        }

        return command.Subcommands.Count > 0
            ? "Unrecognized command '" + token.Value + "': expected " + CommandList(command) + "."
            : "Unexpected argument '" + token.Value + "': '" + command.Name + "' takes no arguments.";
    }

    private static bool IsUnknownCommand(string message) =>
        message.StartsWith("Unrecognized command", StringComparison.Ordinal);

    private static string CommandList(Command command) =>
        Choices.Join(command.Subcommands.Select(subcommand => subcommand.Name).ToList());

    private sealed record UnknownToken(string Value, bool AfterDoubleDash);
}
