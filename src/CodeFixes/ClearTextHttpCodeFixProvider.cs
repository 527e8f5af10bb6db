using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.CodeFixes;

/// <summary>
/// Switches the reported URI to <c>https://</c> in the string that contains it: a literal (regular, verbatim
/// or raw) or the constant text an interpolated string starts with. The rest of the text is kept as
/// written, so an explicit port such as <c>:8080</c> stays and may need changing by hand.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClearTextHttpCodeFixProvider))]
[Shared]
public sealed class ClearTextHttpCodeFixProvider : ConstantReplacementCodeFixProvider
{
    private const string PlainScheme = "http";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ClearTextHttpToRemoteHost);

    protected override string Title => "Use https://";

    protected override string EquivalenceKey => RuleIds.ClearTextHttpToRemoteHost + ".UseHttps";

    protected override ExpressionSyntax? CreateReplacement(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxToken uriToken;
        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                uriToken = literal.Token;
                break;
            case InterpolatedStringExpressionSyntax { Contents.Count: > 0 } interpolated
                when interpolated.Contents[0] is InterpolatedStringTextSyntax leadingText:
                uriToken = leadingText.TextToken;
                break;
            default:
                // A constant declared in another file is reported where it is read; its text is not here to edit.
                return null;
        }

        var schemeStart = SchemeStart(uriToken.Text);
        if (schemeStart < 0)
        {
            return null;
        }

        var text = expression.ToString();
        var schemeOffset = uriToken.SpanStart - expression.SpanStart + schemeStart;
        var secured = text.Substring(0, schemeOffset) + "https" + text.Substring(schemeOffset + PlainScheme.Length);
        return SyntaxFactory.ParseExpression(secured);
    }

    /// <summary>
    /// Returns where <c>http:</c> starts in a literal token's text, after the opening quotes, <c>@</c>
    /// and, in a multi-line raw string, the line break and indentation; or -1.
    /// </summary>
    private static int SchemeStart(string tokenText)
    {
        var start = 0;
        while (start < tokenText.Length && tokenText[start] is '@' or '"' or ' ' or '\t' or '\r' or '\n')
        {
            start++;
        }

        return string.Compare(tokenText, start, PlainScheme + ":", 0, PlainScheme.Length + 1, StringComparison.OrdinalIgnoreCase) == 0
            ? start
            : -1;
    }
}
