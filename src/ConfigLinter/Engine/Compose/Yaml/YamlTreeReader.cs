using System;
using System.Collections.Generic;
using System.IO;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Suppressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NetSecAnalyzers.ConfigLinter.Compose.Yaml;

/// <summary>
/// Builds positioned YAML trees from YamlDotNet's event stream. It works on events rather than on
/// YamlDotNet's representation model because that model loads recursively (a deeply nested file would
/// overflow the stack, which no handler catches) and does not resolve <c>&lt;&lt;</c> merge keys. Aliases
/// become references to the anchored node, so no alias is copied and positions stay where the value is
/// written.
/// </summary>
internal sealed class YamlTreeReader
{
    private const string MergeKey = "<<";

    private readonly string filePath;
    private readonly YamlLimits limits;
    private readonly Dictionary<string, Built> anchors = new(StringComparer.Ordinal);
    private readonly List<LineRange> statements = new();

    private readonly ComposeSourceFile? owner;

    private YamlTreeReader(string filePath, YamlLimits limits, ComposeSourceFile? owner)
    {
        this.filePath = filePath;
        this.limits = limits;
        this.owner = owner;
    }

    /// <summary>
    /// Reads every document of <paramref name="text"/>. Returns null, after a notification that names the
    /// file, line and column, when the text is not valid YAML or exceeds <paramref name="limits"/>. Every
    /// node built gets <paramref name="owner"/> as its file.
    /// </summary>
    public static YamlReadResult? Read(string filePath, string text, YamlLimits limits, DiagnosticBag diagnostics, ComposeSourceFile? owner = null)
    {
        if (text.Length > limits.MaxFileCharacters)
        {
            diagnostics.Notify(new LintNotification(
                ComposeNotificationCodes.LimitExceeded,
                NotificationLevel.Error,
                "Skipped '" + filePath + "': it has " + text.Length + " characters, more than the " + limits.MaxFileCharacters + " the compose reader accepts.",
                new SourceLocation(filePath, 1, 1, 1, 1)));
            return null;
        }

        var reader = new YamlTreeReader(filePath, limits, owner);
        try
        {
            var documents = reader.ReadDocuments(text);
            return new YamlReadResult(documents, reader.statements);
        }
        catch (YamlLimitException exception)
        {
            diagnostics.Notify(new LintNotification(ComposeNotificationCodes.LimitExceeded, NotificationLevel.Error, exception.Message, exception.Location));
            return null;
        }
        catch (YamlException exception)
        {
            var location = reader.LocationOf(exception.Start, exception.End);
            diagnostics.Notify(new LintNotification(
                ComposeNotificationCodes.Syntax,
                NotificationLevel.Error,
                "Invalid YAML: " + Describe(exception),
                location));
            return null;
        }
    }

    /// <summary>YamlDotNet prefixes its messages with the position, which the notification's location already carries.</summary>
    private static string Describe(YamlException exception)
    {
        var message = exception.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(", StringComparison.Ordinal) && marker > 0 ? message.Substring(marker + 3) : message;
    }

    private List<YamlNode> ReadDocuments(string text)
    {
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
        var documents = new List<YamlNode>();
        var stack = new List<Frame>();
        Built? root = null;

        while (parser.MoveNext())
        {
            var current = parser.Current!;
            switch (current)
            {
                case DocumentStart:
                    root = null;
                    anchors.Clear();
                    break;

                case DocumentEnd:
                    if (root is not null)
                    {
                        documents.Add(root.Value.Node);
                    }

                    break;

                case MappingStart mapping:
                    Push(stack, new Frame(isMapping: true, mapping.Anchor, mapping.Tag, mapping.Start));
                    break;

                case SequenceStart sequence:
                    Push(stack, new Frame(isMapping: false, sequence.Anchor, sequence.Tag, sequence.Start));
                    break;

                case MappingEnd or SequenceEnd:
                    var frame = stack[stack.Count - 1];
                    stack.RemoveAt(stack.Count - 1);
                    var built = frame.IsMapping ? BuildMapping(frame, current.End) : BuildSequence(frame, current.End);
                    Deliver(stack, built, ref root);
                    break;

                case Scalar scalar:
                    var node = new ScalarNode(scalar.Value, scalar.Style == ScalarStyle.Plain, LocationOf(scalar.Start, scalar.End))
                    {
                        Tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value,
                        File = owner,
                    };
                    var scalarBuilt = Remember(scalar.Anchor, new Built(node, 1));
                    Deliver(stack, scalarBuilt, ref root);
                    break;

                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new YamlException(alias.Start, alias.End, "The alias *" + alias.Value.Value + " names no anchor defined before it.");
                    }

                    Deliver(stack, target, ref root);
                    break;
            }
        }

        return documents;
    }

    private void Push(List<Frame> stack, Frame frame)
    {
        if (stack.Count >= limits.MaxDepth)
        {
            throw new YamlLimitException(
                "Skipped '" + filePath + "': it nests mappings and lists more than " + limits.MaxDepth + " levels deep, more than the compose reader accepts.",
                LocationOf(frame.Start, frame.Start));
        }

        stack.Add(frame);
    }

    private void Deliver(List<Frame> stack, Built built, ref Built? root)
    {
        if (stack.Count == 0)
        {
            root = built;
            return;
        }

        var parent = stack[stack.Count - 1];
        parent.Add(built);
        if (parent.Size > limits.MaxExpandedNodes)
        {
            throw new YamlLimitException(
                "Skipped '" + filePath + "': its aliases and merge keys expand to more than " + limits.MaxExpandedNodes + " nodes, which looks like an alias bomb.",
                built.Node.Location);
        }
    }

    private Built BuildSequence(Frame frame, Mark end)
    {
        var location = LocationOf(frame.Start, end);
        var node = new SequenceNode(frame.Items, location) { Tag = frame.Tag, File = owner };
        foreach (var item in frame.Items)
        {
            if (item is ScalarNode scalar && scalar.Location.FilePath == filePath)
            {
                statements.Add(new LineRange(scalar.Location.StartLine, scalar.Location.EndLine));
            }
        }

        return Remember(frame.Anchor, new Built(node, frame.Size));
    }

    private Built BuildMapping(Frame frame, Mark end)
    {
        var entries = new List<MappingEntry>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var size = frame.Size;
        var mergeSources = new List<MappingNode>();

        for (var i = 0; i + 1 < frame.Items.Count; i += 2)
        {
            var key = frame.Items[i];
            var value = frame.Items[i + 1];
            if (key is not ScalarNode scalarKey)
            {
                continue;
            }

            statements.Add(new LineRange(scalarKey.Location.StartLine, value is ScalarNode ? value.Location.EndLine : scalarKey.Location.EndLine));
            if (scalarKey.Value == MergeKey && scalarKey.IsPlain)
            {
                CollectMergeSources(value, mergeSources);
                continue;
            }

            entries.Add(new MappingEntry(scalarKey, value));
            keys.Add(scalarKey.Value);
        }

        // YAML's merge key: keys written in the mapping win, then earlier merged mappings win over later ones.
        foreach (var source in mergeSources)
        {
            foreach (var entry in source.Entries)
            {
                if (keys.Add(entry.Key.Value))
                {
                    entries.Add(entry);
                    size++;
                }
            }
        }

        var node = new MappingNode(entries, LocationOf(frame.Start, end)) { Tag = frame.Tag, File = owner };
        return Remember(frame.Anchor, new Built(node, size));
    }

    private static void CollectMergeSources(YamlNode value, List<MappingNode> sources)
    {
        if (value is MappingNode mapping)
        {
            sources.Add(mapping);
        }
        else if (value is SequenceNode sequence)
        {
            foreach (var item in sequence.Items)
            {
                if (item is MappingNode itemMapping)
                {
                    sources.Add(itemMapping);
                }
            }
        }
    }

    private Built Remember(AnchorName anchor, Built built)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = built;
        }

        return built;
    }

    private SourceLocation LocationOf(Mark start, Mark end)
    {
        var startLine = (int)Math.Max(start.Line, 1);
        var startColumn = (int)Math.Max(start.Column, 1);
        return new SourceLocation(filePath, startLine, startColumn, (int)Math.Max(end.Line, 1), (int)Math.Max(end.Column, 1));
    }

    /// <summary>A finished node and how many nodes it stands for once its aliases are expanded.</summary>
    private readonly struct Built
    {
        public Built(YamlNode node, long size)
        {
            Node = node;
            Size = size;
        }

        public YamlNode Node { get; }

        public long Size { get; }
    }

    /// <summary>A mapping or sequence whose end event has not come yet.</summary>
    private sealed class Frame
    {
        public Frame(bool isMapping, AnchorName anchor, TagName tag, Mark start)
        {
            IsMapping = isMapping;
            Anchor = anchor;
            Tag = tag.IsEmpty ? null : tag.Value;
            Start = start;
        }

        public bool IsMapping { get; }

        public AnchorName Anchor { get; }

        public string? Tag { get; }

        public Mark Start { get; }

        /// <summary>For a mapping, keys and values in turn.</summary>
        public List<YamlNode> Items { get; } = new();

        public long Size { get; private set; } = 1;

        public void Add(Built built)
        {
            Items.Add(built.Node);
            Size = SaturatingAdd(Size, built.Size);
        }

        private static long SaturatingAdd(long left, long right) =>
            left > long.MaxValue - right ? long.MaxValue : left + right;
    }

    private sealed class YamlLimitException : Exception
    {
        public YamlLimitException(string message, SourceLocation location)
            : base(message) => Location = location;

        public SourceLocation Location { get; }
    }
}

/// <summary>The documents of one YAML file and the line ranges that suppression comments apply to.</summary>
internal sealed class YamlReadResult
{
    public YamlReadResult(IReadOnlyList<YamlNode> documents, IReadOnlyList<LineRange> statements)
    {
        Documents = documents;
        Statements = statements;
    }

    public IReadOnlyList<YamlNode> Documents { get; }

    public IReadOnlyList<LineRange> Statements { get; }
}
