using System;
using System.Collections.Generic;
using System.IO;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

/// <summary>
/// A stand-in configuration format for engine and command-line tests: it recognises files named
/// <c>*.fake</c> and reports one NETSEC001 finding on every line that contains <c>TLSv1;</c>, at the
/// severity the test chooses, so exit codes can be tested without depending on the nginx reader.
/// </summary>
internal static class FakeFormat
{
    public const string Extension = ".fake";

    public static ConfigurationFormat Create(RuleSeverity severity = RuleSeverity.Error, List<string>? linted = null) =>
        new("fake", Recognizes, (files, options, diagnostics) =>
        {
            linted?.AddRange(files);
            foreach (var file in files)
            {
                Report(file, severity, diagnostics);
            }
        });

    public static ConfigurationFormat Throwing() =>
        new("broken", Recognizes, (files, options, diagnostics) => throw new InvalidOperationException("reader defect"));

    private static bool Recognizes(string path, string text) =>
        path.EndsWith(Extension, StringComparison.Ordinal);

    private static void Report(string file, RuleSeverity severity, DiagnosticBag diagnostics)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf("TLSv1;", StringComparison.Ordinal);
            if (column >= 0)
            {
                var location = SourceLocation.OnLine(file, i + 1, column + 1, "TLSv1".Length);
                var message = RuleCatalog.LegacyTlsProtocol.FormatMessage("ssl_protocols", "TLSv1");
                diagnostics.Report(new Finding(RuleCatalog.LegacyTlsProtocol, message, location) { Severity = severity });
            }
        }
    }
}
