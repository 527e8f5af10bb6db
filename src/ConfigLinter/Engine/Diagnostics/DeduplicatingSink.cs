using System;
using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Diagnostics;

/// <summary>
/// Forwards findings and notifications once. A file that two main files include (an nginx snippet, a
/// compose file reached through include or extends) is analyzed twice, maybe through two links to it,
/// and its syntax error or finding would otherwise be listed twice.
/// </summary>
internal sealed class DeduplicatingSink
{
    private readonly DiagnosticBag target;
    private readonly HashSet<string> seen = new();

    // Resolving a real path queries the file system for every folder on the way, and findings repeat paths.
    private readonly Dictionary<string, string> realPaths = new(StringComparer.Ordinal);

    public DeduplicatingSink(DiagnosticBag target) => this.target = target;

    public void Add(DiagnosticBag source)
    {
        foreach (var notification in source.Notifications)
        {
            if (seen.Add("N|" + notification.Code + "|" + Describe(notification.Location) + "|" + notification.Message))
            {
                target.Notify(notification);
            }
        }

        foreach (var finding in source.Findings)
        {
            if (seen.Add("F|" + finding.Rule.Id + "|" + Describe(finding.Location) + "|" + finding.Message))
            {
                target.Report(finding);
            }
        }
    }

    private string Describe(SourceLocation? location) =>
        location is null
            ? string.Empty
            : RealPath(location.FilePath) + ":" + location.StartLine + ":" + location.StartColumn + "-" + location.EndLine + ":" + location.EndColumn;

    private string RealPath(string path)
    {
        if (!realPaths.TryGetValue(path, out var realPath))
        {
            realPath = PathIdentity.RealPath(path);
            realPaths[path] = realPath;
        }

        return realPath;
    }
}
