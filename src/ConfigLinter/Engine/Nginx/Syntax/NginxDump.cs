using System;
using System.Collections.Generic;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

/// <summary>One file of an <c>nginx -T</c> dump: its original path and its text.</summary>
internal sealed class NginxDumpedFile
{
    public NginxDumpedFile(string path, string text)
    {
        Path = path;
        Text = text;
    }

    public string Path { get; }

    public string Text { get; }
}

/// <summary>
/// Splits the output of <c>nginx -T</c> back into the files it lists. nginx writes each file it read as a
/// <c># configuration file PATH:</c> line, the file's bytes and one line feed, main file first (nginx's
/// <c>src/core/nginx.c</c>). Its <c>nginx: ... syntax is ok</c> and <c>test is successful</c> lines go to
/// standard error and come first when that is captured too.
/// </summary>
/// <remarks>
/// NOTE: a file whose own text has a line of the form <c># configuration file PATH:</c> is split there,
/// because the dump format has no other way to tell where a file ends.
/// </remarks>
internal static class NginxDump
{
    private const string HeaderStart = "# configuration file ";
    private const string StatusStart = "nginx: ";

    /// <summary>Returns whether a text is an <c>nginx -T</c> dump, judged by its first line that is not an nginx status line.</summary>
    public static bool IsDump(string text)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var end = LineEnd(text, offset);
            var line = text.Substring(offset, end - offset).TrimEnd('\r');
            if (!line.StartsWith(StatusStart, StringComparison.Ordinal))
            {
                return HeaderPath(line) is not null;
            }

            offset = end + 1;
        }

        return false;
    }

    /// <summary>Returns the files of a dump in the order nginx wrote them, the main file first.</summary>
    public static IReadOnlyList<NginxDumpedFile> Split(string text)
    {
        var files = new List<NginxDumpedFile>();
        string? path = null;
        var contentStart = 0;
        var offset = 0;
        while (offset <= text.Length)
        {
            var end = LineEnd(text, offset);
            var header = HeaderPath(text.Substring(offset, end - offset).TrimEnd('\r'));
            if (header is not null)
            {
                if (path is not null)
                {
                    files.Add(new NginxDumpedFile(path, Content(text, contentStart, offset)));
                }

                path = header;
                contentStart = Math.Min(end + 1, text.Length);
            }

            offset = end + 1;
        }

        if (path is not null)
        {
            files.Add(new NginxDumpedFile(path, Content(text, contentStart, text.Length)));
        }

        return files;
    }

    private static int LineEnd(string text, int offset)
    {
        var end = text.IndexOf('\n', offset);
        return end < 0 ? text.Length : end;
    }

    /// <summary>Returns the path of a <c># configuration file PATH:</c> line, or null for any other line.</summary>
    private static string? HeaderPath(string line)
    {
        if (!line.StartsWith(HeaderStart, StringComparison.Ordinal) || !line.EndsWith(":", StringComparison.Ordinal))
        {
            return null;
        }

        var path = line.Substring(HeaderStart.Length, line.Length - HeaderStart.Length - 1);
        return path.Length == 0 ? null : path;
    }

    /// <summary>Removes the line feed nginx writes after each file's bytes.</summary>
    private static string Content(string text, int start, int end)
    {
        if (end > start && text[end - 1] == '\n')
        {
            end--;
        }

        return text.Substring(start, end - start);
    }
}
