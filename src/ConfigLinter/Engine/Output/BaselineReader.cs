using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace NetSecAnalyzers.ConfigLinter.Output;

/// <summary>
/// Reads a baseline file token by token, so that every problem, in the JSON syntax or in the format, is
/// reported at its line and column.
/// </summary>
internal ref struct BaselineReader
{
    private readonly byte[] bytes;
    private Utf8JsonReader reader;

    private BaselineReader(byte[] bytes)
    {
        this.bytes = bytes;
        reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
    }

    public static IReadOnlyList<BaselineEntry> Read(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF'));
        var baselineReader = new BaselineReader(bytes);
        try
        {
            return baselineReader.ReadFile();
        }
        catch (JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? 0) + 1;
            var column = (int)(exception.BytePositionInLine ?? 0) + 1;
            throw new BaselineFormatException("Not valid JSON: " + JsonOutput.ReaderMessage(exception), line, column);
        }
    }

    private IReadOnlyList<BaselineEntry> ReadFile()
    {
        Next();
        Expect(JsonTokenType.StartObject, "a JSON object with 'version' and 'findings'");
        var start = reader.TokenStartIndex;
        int? version = null;
        List<BaselineEntry>? entries = null;
        while (Next() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            Next();
            switch (name)
            {
                case "version":
                    version = ReadPositiveInteger("version");
                    if (version != Baseline.FormatVersion)
                    {
                        throw Error("Unsupported baseline version " + version + "; this netsec reads version " + Baseline.FormatVersion + ". Write the baseline again with --write-baseline.");
                    }

                    break;
                case "findings":
                    entries = ReadEntries();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (version is null || entries is null)
        {
            throw Error(version is null ? "The baseline has no 'version'." : "The baseline has no 'findings' array.", start);
        }

        return entries;
    }

    private List<BaselineEntry> ReadEntries()
    {
        Expect(JsonTokenType.StartArray, "an array of findings");
        var entries = new List<BaselineEntry>();
        while (Next() && reader.TokenType != JsonTokenType.EndArray)
        {
            entries.Add(ReadEntry());
        }

        return entries;
    }

    private BaselineEntry ReadEntry()
    {
        Expect(JsonTokenType.StartObject, "an object with ruleId, path, fingerprint and count");
        var start = reader.TokenStartIndex;
        string? ruleId = null, path = null, fingerprint = null, message = null;
        int? count = null;
        while (Next() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            Next();
            switch (name)
            {
                case "ruleId":
                    ruleId = ReadNonEmptyString(name);
                    break;
                case "path":
                    path = ReadNonEmptyString(name);
                    break;
                case "fingerprint":
                    fingerprint = ReadNonEmptyString(name);
                    break;
                case "count":
                    count = ReadPositiveInteger(name);
                    break;
                case "message":
                    message = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    reader.Skip();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        var fields = new (string Name, object? Value)[] { ("ruleId", ruleId), ("path", path), ("fingerprint", fingerprint), ("count", count) };
        foreach (var field in fields)
        {
            if (field.Value is null)
            {
                throw Error("A baseline finding has no '" + field.Name + "'.", start);
            }
        }

        return new BaselineEntry(ruleId!, path!, fingerprint!, count!.Value, message ?? string.Empty);
    }

    private string ReadNonEmptyString(string name)
    {
        if (reader.TokenType != JsonTokenType.String || reader.GetString() is not { Length: > 0 } value)
        {
            throw Error("'" + name + "' must be a non-empty string.");
        }

        return value;
    }

    private int ReadPositiveInteger(string name)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value) || value < 1)
        {
            throw Error("'" + name + "' must be a whole number of 1 or more.");
        }

        return value;
    }

    private bool Next()
    {
        if (!reader.Read())
        {
            throw Error("The baseline ends too early.", bytes.Length);
        }

        return true;
    }

    private void Expect(JsonTokenType type, string expectation)
    {
        if (reader.TokenType != type)
        {
            throw Error("Expected " + expectation + ".");
        }
    }

    private BaselineFormatException Error(string message) => Error(message, reader.TokenStartIndex);

    private BaselineFormatException Error(string message, long byteIndex)
    {
        var index = (int)Math.Min(byteIndex, bytes.Length);
        var lineStart = 0;
        var line = 1;
        for (var i = 0; i < index; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = Encoding.UTF8.GetCharCount(bytes, lineStart, index - lineStart) + 1;
        return new BaselineFormatException(message, line, column);
    }
}
