using System.Text;
using Microsoft.CodeAnalysis;

namespace NetSecAnalyzers.Analyzers.Flow;

internal static class DisplayText
{
    /// <summary>
    /// Writes an expression on one line for a message: tokens as written, comments dropped, and any run of
    /// whitespace or line breaks between two tokens shown as one space.
    /// </summary>
    public static string Of(SyntaxNode node)
    {
        var text = new StringBuilder();
        SyntaxToken previous = default;
        foreach (var token in node.DescendantTokens())
        {
            if (text.Length > 0 && (previous.HasTrailingTrivia || token.HasLeadingTrivia))
            {
                text.Append(' ');
            }

            text.Append(token.Text);
            previous = token;
        }

        return text.ToString();
    }
}
