using System.Collections.Generic;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Suppressions;

/// <summary>
/// Reads <c>netsec-disable-next-line</c>, <c>netsec-disable-line</c> and <c>netsec-disable-file</c>
/// comments: the form, then rule IDs separated by commas or spaces, then a colon and the reason.
/// </summary>
internal static class SuppressionCommentParser
{
    private const string Prefix = "netsec-disable";

    private const string Example = "'# netsec-disable-next-line NETSEC036: the CDN removes the Server header'";

    /// <summary>
    /// Returns whether a comment's text starts like a suppression. <see cref="Parse"/> returns null for every
    /// other comment without reporting anything, so a reader may leave such comments out.
    /// </summary>
    public static bool MayBeSuppression(string commentText)
    {
        var start = SkipWhitespace(commentText, 0);
        return string.CompareOrdinal(commentText, start, Prefix, 0, Prefix.Length) == 0;
    }

    /// <summary>
    /// Returns the suppression a comment states, or null when it states none. A comment that starts like a
    /// suppression but is malformed, names an unknown rule or gives no reason becomes a warning notification.
    /// A comment without a reason suppresses nothing, so every accepted finding carries a reason.
    /// </summary>
    public static SuppressionComment? Parse(SourceComment comment, DiagnosticBag diagnostics)
    {
        var text = comment.Text.TrimEnd();
        var formStart = SkipWhitespace(text, 0);
        if (string.CompareOrdinal(text, formStart, Prefix, 0, Prefix.Length) != 0)
        {
            return null;
        }

        var formEnd = formStart;
        while (formEnd < text.Length && !char.IsWhiteSpace(text[formEnd]) && text[formEnd] != ':')
        {
            formEnd++;
        }

        var form = text.Substring(formStart, formEnd - formStart);
        var scope = ScopeOf(form);
        if (scope is null)
        {
            Warn(diagnostics, NotificationCodes.SuppressionInvalid, comment.LocationOfText(formStart, form.Length),
                "Unknown suppression form '" + form + "': use netsec-disable-next-line, netsec-disable-line or netsec-disable-file, as in " + Example + ".");
            return null;
        }

        var colon = text.IndexOf(':', formEnd);
        var example = "'# " + form + " NETSEC036: the CDN removes the Server header'";

        // Without a colon the IDs cannot be separated from the words of a reason, so only the missing colon is
        // reported, not every reason word as an unknown rule.
        var idsEnd = colon < 0 ? text.Length : colon;
        var hasIds = SkipWhitespace(text.Replace(',', ' '), formEnd) < idsEnd;
        if (!hasIds)
        {
            Warn(diagnostics, NotificationCodes.SuppressionInvalid, comment.Location,
                "The " + form + " comment names no rule ID, so it suppresses nothing; write it as " + example + ".");
            return null;
        }

        var justification = colon < 0 ? string.Empty : text.Substring(colon + 1).Trim();
        if (justification.Length == 0)
        {
            Warn(diagnostics, NotificationCodes.SuppressionMissingReason, comment.Location,
                "The " + form + " comment gives no reason, so it suppresses nothing; add the reason after a colon, as in " + example + ".");
            return null;
        }

        var rules = ReadRuleIds(comment, text, formEnd, idsEnd, diagnostics);

        return rules.Count == 0 ? null : new SuppressionComment(comment, scope.Value, rules, justification);
    }

    private static SuppressionScope? ScopeOf(string form) => form switch
    {
        "netsec-disable-next-line" => SuppressionScope.NextLine,
        "netsec-disable-line" => SuppressionScope.Line,
        "netsec-disable-file" => SuppressionScope.File,
        _ => null,
    };

    /// <summary>Reads the IDs between the form and the colon; an ID not in the catalogue becomes a warning.</summary>
    private static List<RuleReference> ReadRuleIds(SourceComment comment, string text, int start, int end, DiagnosticBag diagnostics)
    {
        var rules = new List<RuleReference>();
        var position = start;
        while (position < end)
        {
            if (char.IsWhiteSpace(text[position]) || text[position] == ',')
            {
                position++;
                continue;
            }

            var idStart = position;
            while (position < end && !char.IsWhiteSpace(text[position]) && text[position] != ',')
            {
                position++;
            }

            var id = text.Substring(idStart, position - idStart);
            var location = comment.LocationOfText(idStart, id.Length);
            if (RuleCatalog.TryGet(id, out var rule))
            {
                rules.Add(new RuleReference(rule, location));
            }
            else
            {
                Warn(diagnostics, NotificationCodes.SuppressionUnknownRule, location,
                    "Unknown rule ID '" + id + "' in a suppression comment; 'netsec rules' lists the rule IDs.");
            }
        }

        return rules;
    }

    private static int SkipWhitespace(string text, int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position;
    }

    private static void Warn(DiagnosticBag diagnostics, string code, SourceLocation location, string message) =>
        diagnostics.Notify(new LintNotification(code, NotificationLevel.Warning, message, location));
}
