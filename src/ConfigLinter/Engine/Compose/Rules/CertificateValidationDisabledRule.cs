using System;
using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Compose.Project;
using NetSecAnalyzers.ConfigLinter.Compose.Yaml;

namespace NetSecAnalyzers.ConfigLinter.Compose.Rules;

/// <summary>
/// NETSEC020, compose side: environment variables that turn certificate verification off, and flags
/// with that effect in <c>command</c>, <c>entrypoint</c> and <c>healthcheck.test</c>, also inside
/// <c>sh -c</c> scripts.
/// </summary>
internal sealed class CertificateValidationDisabledRule : IComposeRule
{
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "ash", "dash", "zsh" };

    /// <summary>Programs that run the rest of their arguments as a command.</summary>
    private static readonly HashSet<string> Wrappers = new(StringComparer.Ordinal) { "env", "exec", "export", "sudo", "nohup", "time", "tini", "dumb-init" };

    public void Analyze(ComposeRuleContext context)
    {
        foreach (var service in context.Project.Services)
        {
            var reported = new HashSet<(YamlNode, string)>();
            foreach (var entry in ComposeValues.Environment(service.Definition.Get("environment")))
            {
                ReportVariable(context, service, entry.Name, entry.Value, entry.Node, reported);
            }

            var entrypoint = Words(service.Definition.Get("entrypoint"));
            var command = Words(service.Definition.Get("command"));
            AnalyzeCommand(context, service, entrypoint, reported);

            // Arguments alone are passed to the entrypoint, or to the image's own entrypoint, which is
            // usually the program the image is named after (traefik, curlimages/curl).
            if (command.Count > 0 && command[0].Text.StartsWith("-", StringComparison.Ordinal))
            {
                var program = entrypoint.Count > 0 ? entrypoint[0].Text : ImageProgram(service);
                if (program is not null)
                {
                    Check(context, service, program, command, reported);
                }
            }
            else
            {
                AnalyzeCommand(context, service, command, reported);
            }

            AnalyzeHealthcheck(context, service, (service.Definition.Get("healthcheck") as MappingNode)?.Get("test"), reported);
        }
    }

    private static void AnalyzeHealthcheck(ComposeRuleContext context, ComposeService service, YamlNode? test, HashSet<(YamlNode, string)> reported)
    {
        if (test is ScalarNode script)
        {
            AnalyzeScript(context, service, script, reported);
            return;
        }

        var words = Words(test);
        if (words.Count == 0)
        {
            return;
        }

        if (words[0].Text == "CMD-SHELL" && words.Count > 1)
        {
            AnalyzeScript(context, service, words[1].Node, reported);
        }
        else if (words[0].Text == "CMD")
        {
            AnalyzeCommand(context, service, words.Skip(1).ToList(), reported);
        }
    }

    /// <summary>Returns the words of a command written as a list, or as a string that Compose splits as a shell would.</summary>
    private static List<Word> Words(YamlNode? node)
    {
        if (node is ScalarNode scalar)
        {
            var text = ComposeValues.Text(scalar);
            return text is null ? new List<Word>() : ShellWords.Split(text).Select(word => new Word(word, scalar)).ToList();
        }

        return ComposeValues.Items(node)
            .Select(item => (Text: ComposeValues.Text(item), Node: item))
            .Where(item => item.Text is not null)
            .Select(item => new Word(item.Text!, item.Node))
            .ToList();
    }

    private static void AnalyzeScript(ComposeRuleContext context, ComposeService service, YamlNode node, HashSet<(YamlNode, string)> reported)
    {
        var text = ComposeValues.Text(node);
        if (text is null)
        {
            return;
        }

        foreach (var command in ShellWords.SplitCommands(text))
        {
            AnalyzeCommand(context, service, command.Select(word => new Word(word, node)).ToList(), reported);
        }
    }

    /// <summary>Checks one simple command: its leading variable assignments, then its program's flags, looking through shells and wrappers.</summary>
    private static void AnalyzeCommand(ComposeRuleContext context, ComposeService service, List<Word> words, HashSet<(YamlNode, string)> reported)
    {
        var start = 0;
        while (start < words.Count)
        {
            var word = words[start];
            var equals = word.Text.IndexOf('=');
            if (equals > 0 && IsVariableName(word.Text.Substring(0, equals)))
            {
                ReportVariable(context, service, word.Text.Substring(0, equals), word.Text.Substring(equals + 1), word.Node, reported);
                start++;
            }
            else if (Wrappers.Contains(InsecureTlsSettings.ProgramName(word.Text)))
            {
                start++;
            }
            else
            {
                break;
            }
        }

        if (start >= words.Count)
        {
            return;
        }

        var program = words[start].Text;
        var arguments = words.Skip(start + 1).ToList();
        if (Shells.Contains(InsecureTlsSettings.ProgramName(program)))
        {
            var scriptIndex = arguments.FindIndex(argument => argument.Text == "-c") + 1;
            if (scriptIndex > 0 && scriptIndex < arguments.Count)
            {
                var script = arguments[scriptIndex];
                foreach (var command in ShellWords.SplitCommands(script.Text))
                {
                    AnalyzeCommand(context, service, command.Select(text => new Word(text, script.Node)).ToList(), reported);
                }
            }

            return;
        }

        Check(context, service, program, arguments, reported);
    }

    private static void Check(ComposeRuleContext context, ComposeService service, string program, List<Word> arguments, HashSet<(YamlNode, string)> reported)
    {
        var found = InsecureTlsSettings.FindFlag(program, arguments.Select(argument => argument.Text).ToList());
        if (found is null)
        {
            return;
        }

        var (flag, advice) = found.Value;
        var node = arguments.FirstOrDefault(argument => flag.EndsWith(argument.Text, StringComparison.Ordinal))?.Node ?? arguments[0].Node;
        if (reported.Add((node, flag)))
        {
            context.Report(RuleCatalog.CertificateValidationDisabled, node, null,
                ComposeRuleContext.Describe(service) + " runs " + InsecureTlsSettings.ProgramName(program) + " with " + flag + ", which accepts any server certificate", advice);
        }
    }

    private static void ReportVariable(ComposeRuleContext context, ComposeService service, string name, string value, YamlNode node, HashSet<(YamlNode, string)> reported)
    {
        var effect = InsecureTlsSettings.EnvironmentEffect(name, value);
        if (effect is not null && reported.Add((node, name)))
        {
            var shown = ComposeValues.IsKnown(value) ? value : "(a value set at deployment)";
            context.Report(RuleCatalog.CertificateValidationDisabled, node, null,
                ComposeRuleContext.Describe(service) + " sets " + name + "=" + shown + ", which " + effect.Value.Effect, effect.Value.Advice);
        }
    }

    /// <summary>Returns the program an image is named after: <c>traefik</c> for <c>traefik:v3.1</c>, <c>curl</c> for <c>curlimages/curl</c>.</summary>
    private static string? ImageProgram(ComposeService service)
    {
        var image = ComposeValues.Text(service.Definition.Get("image"));
        if (image is null || !ComposeValues.IsKnown(image))
        {
            return null;
        }

        var name = image.Substring(image.LastIndexOf('/') + 1);
        var tag = name.IndexOfAny(new[] { ':', '@' });
        return tag < 0 ? name : name.Substring(0, tag);
    }

    private static bool IsVariableName(string text) =>
        text.Length > 0 && !char.IsDigit(text[0]) && text.All(c => c == '_' || char.IsLetterOrDigit(c));

    private sealed class Word
    {
        public Word(string text, YamlNode node)
        {
            Text = text;
            Node = node;
        }

        public string Text { get; }

        public YamlNode Node { get; }
    }
}
