using System.Collections.Generic;
using System.Linq;
using System.Text;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Nginx;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

/// <summary>Reads inline nginx fixtures, with <c>[|...|]</c> markup for the regions a test expects.</summary>
internal static class NginxFixture
{
    public const string FilePath = "fixture/nginx.conf";

    public static NginxConfiguration Read(string text, DiagnosticBag diagnostics) =>
        NginxReader.ReadText(FilePath, text, diagnostics);

    public static IReadOnlyList<LintNotification> SyntaxErrors(string text)
    {
        var diagnostics = new DiagnosticBag();
        Read(text, diagnostics);
        return diagnostics.Notifications.Where(notification => notification.Code == NginxNotificationCodes.Syntax).ToList();
    }

    /// <summary>Reads a fixture and runs the nginx rules over it.</summary>
    public static DiagnosticBag Lint(string text, LintOptions? options = null)
    {
        var diagnostics = new DiagnosticBag();
        var configuration = Read(text, diagnostics);
        NginxLinter.Analyze(configuration, options ?? new LintOptions(), diagnostics);
        return diagnostics;
    }

    /// <summary>Removes <c>[|</c> and <c>|]</c> from a fixture and returns the regions they marked.</summary>
    public static (string Text, IReadOnlyList<SourceLocation> Spans) ParseMarkup(string markup, string path = FilePath)
    {
        var text = new StringBuilder();
        var spans = new List<SourceLocation>();
        var line = 1;
        var column = 1;
        var (startLine, startColumn) = (0, 0);
        for (var i = 0; i < markup.Length; i++)
        {
            if (string.CompareOrdinal(markup, i, "[|", 0, 2) == 0)
            {
                (startLine, startColumn) = (line, column);
                i++;
                continue;
            }

            if (string.CompareOrdinal(markup, i, "|]", 0, 2) == 0)
            {
                spans.Add(new SourceLocation(path, startLine, startColumn, line, column));
                i++;
                continue;
            }

            text.Append(markup[i]);
            if (markup[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (text.ToString(), spans);
    }
}
