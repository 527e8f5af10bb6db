using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using NetSecAnalyzers.Analyzers.CertificateValidation;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.CodeFixes;

/// <summary>
/// Restores certificate validation: an always-true validator becomes one that accepts only
/// <c>SslPolicyErrors.None</c>, keeping its parameter names, and an assignment of
/// <c>DangerousAcceptAnyServerCertificateValidator</c> or a call to <c>AllowAnyClientCertificate()</c> is
/// removed. Validators that accept only some errors get no fix. Fix All edits each document once, so
/// removals next to each other in one object initializer do not conflict.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CertificateValidationDisabledCodeFixProvider))]
[Shared]
public sealed class CertificateValidationDisabledCodeFixProvider : CodeFixProvider
{
    private const string Title = "Accept only certificates without policy errors";
    private const string EquivalenceKey = RuleIds.CertificateValidationDisabled + ".ValidateCertificates";
    private const string PolicyErrorsType = "SslPolicyErrors";
    private const string PolicyErrorsFullName = "System.Net.Security." + PolicyErrorsType;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CertificateValidationDisabled);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is not null && FixTarget(root, diagnostic) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        Title,
                        cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        FixAsync(document, diagnostics, context.CancellationToken)!;

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var root = editor.OriginalRoot;

        // Later edits first, so that a removal never contains a node that another diagnostic replaces.
        foreach (var diagnostic in diagnostics.OrderByDescending(diagnostic => diagnostic.Location.SourceSpan.Start))
        {
            if (FixTarget(root, diagnostic) is not { } target)
            {
                continue;
            }

            switch (diagnostic.Properties[CertificateValidationFix.Key])
            {
                case CertificateValidationFix.Replace:
                    var policyErrors = PolicyErrorsName(editor.SemanticModel, target.SpanStart);
                    editor.ReplaceNode(target, SafeValidator(diagnostic, policyErrors).WithTriviaFrom(target));
                    break;
                default:
                    editor.RemoveNode(target, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                    break;
            }
        }

        return editor.GetChangedDocument();
    }

    /// <summary>Returns the node a diagnostic's fix replaces or removes, or null when it has no fix.</summary>
    private static SyntaxNode? FixTarget(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(CertificateValidationFix.Key, out var fix)
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
        {
            return null;
        }

        return fix switch
        {
            CertificateValidationFix.Replace when HasErrorsParameter(diagnostic) => expression,

            // In an object initializer the assignment is one entry of the list; elsewhere it is a statement.
            CertificateValidationFix.RemoveAssignment => expression.Parent switch
            {
                AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } entry => entry,
                AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement } => statement,
                _ => null,
            },
            CertificateValidationFix.RemoveStatement => expression.Parent as ExpressionStatementSyntax,
            _ => null,
        };
    }

    /// <summary>
    /// Names <c>SslPolicyErrors</c> as the file can: by its simple name where the usings bring it into
    /// scope, otherwise fully qualified for the simplifier to shorten. The simplifier alone leaves
    /// <c>global::</c> in a lambda inside a conditional expression.
    /// </summary>
    private static ExpressionSyntax PolicyErrorsName(SemanticModel model, int position)
    {
        foreach (var symbol in model.LookupNamespacesAndTypes(position, name: PolicyErrorsType))
        {
            if (symbol is INamedTypeSymbol type && type.ToDisplayString() == PolicyErrorsFullName)
            {
                return SyntaxFactory.IdentifierName(PolicyErrorsType);
            }
        }

        return SyntaxFactory.ParseExpression("global::" + PolicyErrorsFullName).WithAdditionalAnnotations(Simplifier.Annotation);
    }

    private static bool HasErrorsParameter(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(CertificateValidationFix.ParametersKey, out var names)
        && diagnostic.Properties.TryGetValue(CertificateValidationFix.ErrorsIndexKey, out var index)
        && int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
        && position < (names ?? string.Empty).Split(',').Length;

    /// <summary>Builds <c>(sender, certificate, chain, errors) =&gt; errors == SslPolicyErrors.None</c> with the diagnostic's names.</summary>
    private static ExpressionSyntax SafeValidator(Diagnostic diagnostic, ExpressionSyntax policyErrors)
    {
        var names = (diagnostic.Properties[CertificateValidationFix.ParametersKey] ?? string.Empty).Split(',');
        var errorsIndex = int.Parse(diagnostic.Properties[CertificateValidationFix.ErrorsIndexKey]!, CultureInfo.InvariantCulture);
        var parameters = new List<ParameterSyntax>();
        foreach (var name in names)
        {
            parameters.Add(SyntaxFactory.Parameter(SyntaxFactory.Identifier(name)));
        }

        var check = SyntaxFactory.BinaryExpression(
            SyntaxKind.EqualsExpression,
            SyntaxFactory.IdentifierName(names[errorsIndex]),
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, policyErrors, SyntaxFactory.IdentifierName("None")));
        return SyntaxFactory.ParenthesizedLambdaExpression(SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(parameters)), check)
            .NormalizeWhitespace();
    }
}
