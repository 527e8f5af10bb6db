using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NetSecAnalyzers.ConfigLinter.Output;

/// <summary>Runs a Utf8JsonWriter into a text writer, indented and with readable (not HTML-escaped) text.</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,

        // The output is a file or a terminal, never HTML, so quotes and angle brackets in messages can stay
        // as they are instead of becoming \u0027 and \u003C.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Returns a JSON reader error's explanation without the line and position it appends, which callers report themselves.</summary>
    public static string ReaderMessage(JsonException exception)
    {
        var cut = exception.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? exception.Message : exception.Message.Substring(0, cut)).Trim();
    }

    public static void Write(TextWriter writer, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
