using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using NetSecAnalyzers.Analyzers.Pipeline;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.CodeFixes;

/// <summary>
/// Strengthens an HSTS policy: a short <c>MaxAge</c> becomes <c>TimeSpan.FromDays(N)</c> with the
/// configured minimum, <c>IncludeSubDomains = false</c> becomes <c>true</c>, and <c>Preload = true</c>
/// gets an <c>IncludeSubDomains = true</c> statement before it in a block-bodied delegate.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HstsPolicyTooWeakCodeFixProvider))]
[Shared]
public sealed class HstsPolicyTooWeakCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HstsPolicyTooWeak);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value
                || !diagnostic.Properties.TryGetValue(HstsOptionsWrites.SettingKey, out var setting)
                || model is null
                || CreateFix(root, model, value, setting, diagnostic) is not { } fixedRoot)
            {
                continue;
            }

            // One equivalence key for the three settings, so that Fix All strengthens every weak value at once.
            var title = setting == "MaxAge" ? "Raise HSTS MaxAge to the minimum" : "Set HSTS IncludeSubDomains to true";
            context.RegisterCodeFix(
                CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(fixedRoot)), RuleIds.HstsPolicyTooWeak + ".StrengthenPolicy"),
                diagnostic);
        }
    }

    private static SyntaxNode? CreateFix(SyntaxNode root, SemanticModel model, ExpressionSyntax value, string? setting, Diagnostic diagnostic)
    {
        switch (setting)
        {
            case "MaxAge":
                var days = diagnostic.Properties.TryGetValue(HstsOptionsWrites.MinimumDaysKey, out var text) ? text : "365";
                var maxAge = SyntaxFactory.ParseExpression(TimeSpanName(model, value.SpanStart) + ".FromDays(" + days + ")").WithTriviaFrom(value);
                return root.ReplaceNode(value, maxAge);
            case "IncludeSubDomains":
                return root.ReplaceNode(value, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(value));
            case "Preload":
                return AddIncludeSubDomains(root, value);
            default:
                return null;
        }
    }

    /// <summary>Returns <c>TimeSpan</c> where <c>using System;</c> is in scope, and the full name elsewhere.</summary>
    private static string TimeSpanName(SemanticModel model, int position)
    {
        var bound = model.GetSpeculativeTypeInfo(position, SyntaxFactory.ParseTypeName("TimeSpan"), SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
        return bound is { Name: "TimeSpan", ContainingNamespace.Name: "System" } ? "TimeSpan" : "System.TimeSpan";
    }

    private static SyntaxNode? AddIncludeSubDomains(SyntaxNode root, ExpressionSyntax value)
    {
        if (value.Parent is not AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax member, Parent: ExpressionStatementSyntax statement }
            || statement.Parent is not BlockSyntax)
        {
            return null;
        }

        var added = SyntaxFactory.ParseStatement(member.Expression + ".IncludeSubDomains = true;\n")
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
        return root.InsertNodesBefore(statement, new[] { added });
    }
}
