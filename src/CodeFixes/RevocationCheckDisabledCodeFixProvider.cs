using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.CodeFixes;

/// <summary>Turns revocation checks on: <c>false</c> becomes <c>true</c>, <c>NoCheck</c> becomes <c>X509RevocationMode.Online</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RevocationCheckDisabledCodeFixProvider))]
[Shared]
public sealed class RevocationCheckDisabledCodeFixProvider : ConstantReplacementCodeFixProvider
{
    private const string OnlineMember = "Online";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RevocationCheckDisabled);

    protected override string Title => "Check certificate revocation online";

    protected override string EquivalenceKey => RuleIds.RevocationCheckDisabled + ".CheckRevocationOnline";

    protected override ExpressionSyntax? CreateReplacement(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(expression, cancellationToken).Type;
        if (type?.SpecialType == SpecialType.System_Boolean)
        {
            return SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression);
        }

        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } revocationMode)
        {
            return null;
        }

        return EnumMember(expression, revocationMode, OnlineMember, model, cancellationToken);
    }
}
