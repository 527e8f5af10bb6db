using System;
using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Suppressions;

/// <summary>
/// Applies the suppression comments of the files readers recorded to the findings of one lint run. A
/// suppressed finding stays in the result, marked with the comment's reason. When a rule that a comment
/// names reports nothing where the comment applies, a note reports it, so that stale comments get removed.
/// </summary>
internal static class InlineSuppressions
{
    public static void Apply(DiagnosticBag diagnostics)
    {
        // Findings share few paths, and resolving one real path queries the file system for every folder in it,
        // so each distinct path is resolved once.
        var findingsByFile = new Dictionary<string, List<Finding>>(PathComparison.Comparer);
        foreach (var group in diagnostics.Findings.GroupBy(finding => finding.Location.FilePath, StringComparer.Ordinal))
        {
            var realPath = PathIdentity.RealPath(group.Key);
            if (!findingsByFile.TryGetValue(realPath, out var list))
            {
                list = new List<Finding>();
                findingsByFile[realPath] = list;
            }

            list.AddRange(group);
        }

        // A file included from two places is recorded twice; its comments count once.
        var files = diagnostics.CommentedFiles
            .GroupBy(file => PathIdentity.RealPath(file.FilePath), PathComparison.Comparer)
            .Select(group => (RealPath: group.Key, File: group.First()))
            .ToList();

        foreach (var (realPath, file) in files)
        {
            var findings = findingsByFile.TryGetValue(realPath, out var list) ? list : new List<Finding>();
            var suppressions = file.Comments
                .Select(comment => SuppressionCommentParser.Parse(comment, diagnostics))
                .OfType<SuppressionComment>()
                .ToList();

            // Line comments go first, so a finding that both they and a file comment cover carries the
            // reason written next to it.
            foreach (var suppression in suppressions.Where(suppression => suppression.Scope != SuppressionScope.File))
            {
                Apply(suppression, file, findings, diagnostics);
            }

            foreach (var suppression in suppressions.Where(suppression => suppression.Scope == SuppressionScope.File))
            {
                Apply(suppression, file, findings, diagnostics);
            }
        }
    }

    private static void Apply(SuppressionComment suppression, ICommentedFile file, IReadOnlyList<Finding> findings, DiagnosticBag diagnostics)
    {
        var lines = TargetLines(suppression, file);
        foreach (var reference in suppression.Rules)
        {
            var matches = findings
                .Where(finding => finding.Rule.Id == reference.Rule.Id && lines is not null && lines.Value.Contains(finding.Location.StartLine))
                .ToList();
            foreach (var finding in matches.Where(finding => !finding.IsSuppressed))
            {
                finding.Suppression = new Suppression(suppression.Justification, suppression.Comment.Location);
            }

            if (matches.Count == 0)
            {
                diagnostics.Notify(new LintNotification(
                    NotificationCodes.SuppressionUnused,
                    NotificationLevel.Note,
                    "The suppression of " + reference.Rule.Id + " matches no finding " + WhereItApplies(suppression.Scope) + "; remove it if the finding is gone.",
                    reference.Location));
            }
        }
    }

    /// <summary>
    /// Returns the lines a comment covers: for a line-scoped comment a whole statement, because a rule may
    /// report any word of it. Returns null for a next-line comment that no statement follows.
    /// </summary>
    private static LineRange? TargetLines(SuppressionComment suppression, ICommentedFile file)
    {
        var line = suppression.Comment.Line;
        switch (suppression.Scope)
        {
            case SuppressionScope.NextLine:
                var next = file.Statements
                    .Where(statement => statement.StartLine > line)
                    .OrderBy(statement => statement.StartLine)
                    .Take(1)
                    .ToList();
                return next.Count == 0 ? null : next[0];

            case SuppressionScope.Line:
                var current = file.Statements
                    .Where(statement => statement.Contains(line))
                    .OrderByDescending(statement => statement.StartLine)
                    .Take(1)
                    .ToList();
                return current.Count == 0 ? new LineRange(line, line) : current[0];

            default:
                return new LineRange(1, int.MaxValue);
        }
    }

    private static string WhereItApplies(SuppressionScope scope) => scope switch
    {
        SuppressionScope.NextLine => "in the next statement",
        SuppressionScope.Line => "in the statement on its line",
        _ => "in this file",
    };
}
