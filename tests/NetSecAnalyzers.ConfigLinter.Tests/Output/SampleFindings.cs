using System.Collections.Generic;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Output;

/// <summary>Hand-made findings and notifications on files in a temporary folder, for formatter tests.</summary>
internal static class SampleFindings
{
    public const string NginxConf = """
        http {
            server {
                listen 443 ssl;
                ssl_protocols TLSv1 TLSv1.2;
            }
        }
        """;

    public static Finding LegacyTls(string file, int line, int column, RuleSeverity severity = RuleSeverity.Error, IReadOnlyList<RelatedLocation>? related = null) =>
        new(
            RuleCatalog.LegacyTlsProtocol,
            RuleCatalog.LegacyTlsProtocol.FormatMessage("ssl_protocols TLSv1 TLSv1.2", "TLSv1"),
            SourceLocation.OnLine(file, line, column, "TLSv1".Length),
            related)
        {
            Severity = severity,
        };

    /// <summary>Marks a finding as suppressed by a comment on the line above it, and returns it.</summary>
    public static Finding SuppressedByLineAbove(Finding finding, string justification)
    {
        var line = finding.Location.StartLine - 1;
        finding.Suppression = new Suppression(justification, SourceLocation.OnLine(finding.Location.FilePath, line, 5, 40));
        return finding;
    }

    public static LintNotification SyntaxError(string file, int line, int column) =>
        new("nginx-syntax", NotificationLevel.Error, "unexpected \"}\"", SourceLocation.OnLine(file, line, column, 1));

    public static LintNotification ByteOrderMark(string file) =>
        new("nginx-byte-order-mark", NotificationLevel.Warning, "the file starts with a UTF-8 byte order mark", SourceLocation.OnLine(file, 1, 1, 1));

    public static LintNotification UnrecognizedFile(string path) =>
        new("unrecognized-file", NotificationLevel.Note, "Skipped '" + path + "': not recognized as nginx configuration.", location: null);

    public static LintNotification MissingPath(string path) =>
        new("path-not-found", NotificationLevel.Error, "No such file or folder: '" + path + "'.", location: null);

    /// <summary>
    /// A result with a finding that has a related location, a warning, a note, a syntax error and a
    /// missing path, over files <c>conf/nginx.conf</c> and <c>conf/site one.conf</c>.
    /// </summary>
    public static LintResult Mixed(TemporaryFolder folder)
    {
        var main = folder.Write("conf/nginx.conf", NginxConf);
        var site = folder.Write("conf/site one.conf", NginxConf);
        var include = new RelatedLocation(SourceLocation.OnLine(main, 2, 9, 7), "The file is included here");
        var findings = new[]
        {
            LegacyTls(site, 4, 23, RuleSeverity.Warning),
            LegacyTls(main, 4, 23, related: new[] { include }),
            LegacyTls(site, 4, 23, RuleSeverity.Info),
        };
        var notifications = new[] { SyntaxError(site, 6, 1), MissingPath("missing") };
        return new LintResult(folder.Path, findings, notifications, new[] { main, site });
    }

    /// <summary>
    /// A result over <c>nginx.conf</c> with an error finding on line 4 that a comment on line 3 suppresses
    /// and a reported finding on line 5 of the given severity.
    /// </summary>
    public static LintResult OneSuppressed(TemporaryFolder folder, RuleSeverity reportedSeverity = RuleSeverity.Error)
    {
        var file = folder.Write("nginx.conf", NginxConf);
        var findings = new[]
        {
            SuppressedByLineAbove(LegacyTls(file, 4, 23), "legacy clients"),
            LegacyTls(file, 5, 23, reportedSeverity),
        };
        return new LintResult(folder.Path, findings, new LintNotification[0], new[] { file });
    }
}
