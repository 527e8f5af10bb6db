using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetSecAnalyzers.ConfigLinter.Tls;

/// <summary>
/// Evaluates an OpenSSL cipher string the way OpenSSL's rule processor does. Items are separated by <c>:</c>,
/// <c>,</c>, <c>;</c> or spaces. An item adds its suites at the end (plain), moves the selected ones to the
/// end (<c>+</c>), takes them out for now (<c>-</c>, they can come back) or for good (<c>!</c>); words joined
/// by <c>+</c> select the suites all of them match. <c>@STRENGTH</c> sorts by strength and
/// <c>@SECLEVEL=n</c> records a level. A string that opens with <c>DEFAULT</c> starts from OpenSSL's default
/// list. An unknown word makes OpenSSL skip its item; a character outside names, or an unknown <c>@</c>
/// command, makes it reject the whole string.
/// </summary>
internal static class CipherStringEvaluator
{
    private static readonly ConcurrentDictionary<string, CipherList> Cache = new(StringComparer.Ordinal);

    public static CipherList Evaluate(string cipherString) => Cache.GetOrAdd(cipherString, Compute);

    private static CipherList Compute(string cipherString)
    {
        var state = new State();
        var rest = cipherString;
        if (rest.StartsWith("DEFAULT", StringComparison.Ordinal))
        {
            state.Process(CipherAliases.DefaultList);
            rest = rest.Substring("DEFAULT".Length);
            if (rest.StartsWith(":", StringComparison.Ordinal))
            {
                rest = rest.Substring(1);
            }
        }

        state.Process(rest);
        var suites = state.Active();
        var error = state.Error ?? (suites.Count == 0 ? "no cipher suite matches \"" + cipherString + "\"" : null);
        return new CipherList(suites, state.SecurityLevel, state.Ignored, error);
    }

    private static bool IsSeparator(char c) => c == ':' || c == ',' || c == ';' || c == ' ';

    private static bool IsNameCharacter(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '=';

    private enum Operation
    {
        Add,
        Delete,
        MoveToEnd,
        Kill,
        Command,
    }

    /// <summary>The list of every suite in order, each active or not, as OpenSSL keeps it while it works.</summary>
    private sealed class State
    {
        private readonly List<CipherSuite> order = CipherSuiteTable.Suites.ToList();
        private readonly HashSet<CipherSuite> active = new();

        public int? SecurityLevel { get; private set; }

        public List<string> Ignored { get; } = new();

        public string? Error { get; private set; }

        public List<CipherSuite> Active() => order.Where(active.Contains).ToList();

        public void Process(string text)
        {
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (IsSeparator(c))
                {
                    i++;
                    continue;
                }

                var operation = c switch
                {
                    '-' => Operation.Delete,
                    '+' => Operation.MoveToEnd,
                    '!' => Operation.Kill,
                    '@' => Operation.Command,
                    _ => Operation.Add,
                };
                if (operation != Operation.Add)
                {
                    i++;
                }

                // A term ends at the first character that is neither a name character nor a '+' joining
                // the next word, so "HIGH!aNULL" is two items, as in OpenSSL.
                var words = new List<string>();
                while (true)
                {
                    var start = i;
                    while (i < text.Length && IsNameCharacter(text[i]))
                    {
                        i++;
                    }

                    if (i == start)
                    {
                        Error ??= "invalid character or empty word at position " + (i + 1).ToString(CultureInfo.InvariantCulture);
                        return;
                    }

                    words.Add(text.Substring(start, i - start));
                    if (i < text.Length && text[i] == '+' && operation != Operation.Command)
                    {
                        i++;
                        continue;
                    }

                    break;
                }

                ProcessItem(operation, words);
            }
        }

        private void ProcessItem(Operation operation, List<string> words)
        {
            if (operation == Operation.Command)
            {
                RunCommand(words[0]);
                return;
            }

            var pattern = Parse(words);
            if (pattern is not null)
            {
                Apply(operation, pattern);
            }
        }

        /// <summary>Intersects the words of a term; null when a word is unknown or the words share no suite kind.</summary>
        private CipherPattern? Parse(List<string> words)
        {
            CipherPattern? pattern = null;
            foreach (var word in words)
            {
                var alias = CipherAliases.Find(word);
                if (alias is null)
                {
                    Ignored.Add(word);
                    return null;
                }

                pattern = pattern is null ? alias : pattern.And(alias);
                if (pattern is null)
                {
                    return null;
                }
            }

            return pattern;
        }

        private void RunCommand(string command)
        {
            if (command == "STRENGTH")
            {
                var sorted = Active().OrderByDescending(suite => suite.StrengthBits).ToList();
                order.RemoveAll(active.Contains);
                order.AddRange(sorted);
            }
            else if (command.Length == "SECLEVEL=".Length + 1 && command.StartsWith("SECLEVEL=", StringComparison.Ordinal)
                && command[command.Length - 1] >= '0' && command[command.Length - 1] <= '5')
            {
                SecurityLevel = command[command.Length - 1] - '0';
            }
            else
            {
                Error ??= "unknown command \"@" + command + "\"";
            }
        }

        private void Apply(Operation operation, CipherPattern pattern)
        {
            var selected = order.Where(pattern.Matches).ToList();
            switch (operation)
            {
                case Operation.Add:
                    MoveToEnd(selected.Where(suite => !active.Contains(suite)).ToList());
                    active.UnionWith(selected);
                    break;
                case Operation.MoveToEnd:
                    MoveToEnd(selected.Where(active.Contains).ToList());
                    break;
                case Operation.Delete:
                    // OpenSSL moves deleted suites to the head, so a later add brings them back in their old order.
                    var deleted = selected.Where(active.Contains).ToList();
                    order.RemoveAll(deleted.Contains);
                    order.InsertRange(0, deleted);
                    active.ExceptWith(deleted);
                    break;
                case Operation.Kill:
                    order.RemoveAll(selected.Contains);
                    active.ExceptWith(selected);
                    break;
            }
        }

        private void MoveToEnd(List<CipherSuite> suites)
        {
            order.RemoveAll(suites.Contains);
            order.AddRange(suites);
        }
    }
}
