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
    private readonly HashSet<Key> seen = new();

    public DeduplicatingSink(DiagnosticBag target) => this.target = target;

    public void Add(DiagnosticBag source)
    {
        foreach (var notification in source.Notifications)
        {
            if (seen.Add(new Key('N', notification.Code, KeyOf(notification.Location), notification.Message)))
            {
                target.Notify(notification);
            }
        }

        foreach (var finding in source.Findings)
        {
            if (seen.Add(new Key('F', finding.Rule.Id, KeyOf(finding.Location), finding.Message)))
            {
                target.Report(finding);
            }
        }
    }

    private static (string Path, int StartLine, int StartColumn, int EndLine, int EndColumn) KeyOf(SourceLocation? location) =>
        location is null
            ? (string.Empty, 0, 0, 0, 0)
            : (PathIdentity.RealPath(location.FilePath), location.StartLine, location.StartColumn, location.EndLine, location.EndColumn);

    /// <summary>
    /// What makes two entries the same. A tuple of the fields rather than one string joined from them, so
    /// that adding a finding does not build a string.
    /// </summary>
    private readonly struct Key : IEquatable<Key>
    {
        private readonly char kind;
        private readonly string code;
        private readonly (string Path, int StartLine, int StartColumn, int EndLine, int EndColumn) location;
        private readonly string message;

        public Key(char kind, string code, (string, int, int, int, int) location, string message)
        {
            this.kind = kind;
            this.code = code;
            this.location = location;
            this.message = message;
        }

        public bool Equals(Key other) =>
            kind == other.kind
            && string.Equals(code, other.code, StringComparison.Ordinal)
            && location.Equals(other.location)
            && string.Equals(message, other.message, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                var hash = StringComparer.Ordinal.GetHashCode(code);
                hash = (hash * 31) + location.GetHashCode();
                return (hash * 31) + StringComparer.Ordinal.GetHashCode(message);
            }
        }
    }
}
