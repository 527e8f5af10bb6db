using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.CodeFixes;

/// <summary>Replaces <c>EncryptionPolicy.AllowNoEncryption</c> or <c>NoEncryption</c> with <c>RequireEncryption</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EncryptionPolicyCodeFixProvider))]
[Shared]
public sealed class EncryptionPolicyCodeFixProvider : ConstantReplacementCodeFixProvider
{
    private const string RequireEncryptionMember = "RequireEncryption";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.BrokenCipherSuites);

    protected override string Title => "Require encryption";

    protected override string EquivalenceKey => RuleIds.BrokenCipherSuites + ".RequireEncryption";

    /// <summary>NETSEC010's cipher-policy diagnostics carry their suites as additional locations; those are not this fix's.</summary>
    protected override bool CanFix(Diagnostic diagnostic) => diagnostic.AdditionalLocations.Count == 0;

    protected override ExpressionSyntax? CreateReplacement(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetTypeInfo(expression, cancellationToken).Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum, Name: "EncryptionPolicy" } policy)
        {
            return null;
        }

        return EnumMember(expression, policy, RequireEncryptionMember, model, cancellationToken);
    }
}
