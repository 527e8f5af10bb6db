using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetSecAnalyzers.Analyzers.RateLimiting;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.CodeFixes;

/// <summary>
/// Chains <c>.RequireRateLimiting("policy")</c> onto a minimal API endpoint. It is offered only when the
/// project registers exactly one named rate-limiting policy, whose name the analyzer passes along. With
/// none or several, choosing the policy for a sign-in endpoint is the team's decision, so there is no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AuthenticationEndpointRateLimitingCodeFixProvider))]
[Shared]
public sealed class AuthenticationEndpointRateLimitingCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.AuthenticationEndpointWithoutRateLimiting);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(RateLimitingAnalysis.PolicyNameProperty, out var policy) || policy is null)
            {
                continue;
            }

            var mapCall = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                .AncestorsAndSelf()
                .OfType<InvocationExpressionSyntax>()
                .FirstOrDefault();
            if (mapCall is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Require the '" + policy + "' rate-limiting policy",
                    cancellationToken => AddConventionAsync(document, mapCall, policy, cancellationToken),
                    RuleIds.AuthenticationEndpointWithoutRateLimiting + ".RequireRateLimiting"),
                diagnostic);
        }
    }

    private static async Task<Document> AddConventionAsync(Document document, InvocationExpressionSyntax mapCall, string policy, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var withPolicy = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                mapCall.WithoutTrailingTrivia(),
                SyntaxFactory.IdentifierName("RequireRateLimiting")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(policy))))))
            .WithTrailingTrivia(mapCall.GetTrailingTrivia());

        return document.WithSyntaxRoot(root.ReplaceNode(mapCall, withPolicy));
    }
}
