using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using NetSecAnalyzers.Analyzers.Flow;

namespace NetSecAnalyzers.Analyzers.CertificateValidation;

/// <summary>
/// Traces an installed delegate back to the functions it may be: lambdas, anonymous methods, method groups
/// (local functions and methods in the compilation), <c>new RemoteCertificateValidationCallback(M)</c>,
/// both branches of <c>?:</c> and <c>??</c>, and locals, parameters and fields with exactly one reaching
/// write. A value with several possible writes, or from outside the compilation, is not traced, because
/// the installed delegate is then unknown.
/// </summary>
internal sealed class DelegateSources
{
    private const int MaxDepth = 16;

    private readonly CertificateValidationSymbols symbols;

    public DelegateSources(CertificateValidationSymbols symbols)
    {
        this.symbols = symbols;
    }

    public List<DelegateSource> Find(IOperation installed, CancellationToken cancellationToken)
    {
        var found = new List<DelegateSource>();
        Visit(installed, installed, depth: 0, found, cancellationToken);
        return found;
    }

    /// <summary>Returns the operation of a method's or local function's body, when it is declared in the compilation.</summary>
    public static IOperation? BodyOf(IMethodSymbol method, IOperation anchor, CancellationToken cancellationToken)
    {
        method = method.PartialImplementationPart ?? method.OriginalDefinition;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var model = ModelFor(reference.SyntaxTree, anchor);
            switch (model?.GetOperation(reference.GetSyntax(cancellationToken), cancellationToken))
            {
                case IMethodBodyOperation body when (body.BlockBody ?? body.ExpressionBody) is { } block:
                    return block;
                case ILocalFunctionOperation local when (local.Body ?? local.IgnoredBody) is { } block:
                    return block;
            }
        }

        return null;
    }

    /// <summary>Returns a semantic model for a file of the compilation that <paramref name="anchor"/> belongs to.</summary>
    public static SemanticModel? ModelFor(SyntaxTree tree, IOperation anchor)
    {
        var model = anchor.SemanticModel;
        if (model is null || model.SyntaxTree == tree)
        {
            return model;
        }

        if (!model.Compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

        // A validator method often lives in another file than the handler it is installed on. Under the
        // analyzer driver the compilation's semantic model provider caches these models (dotnet/roslyn pull
        // request 46508), and they are requested only at installation sites.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
        return model.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
    }

    private void Visit(IOperation? operation, IOperation reportedAt, int depth, List<DelegateSource> found, CancellationToken cancellationToken)
    {
        if (operation is null || depth > MaxDepth)
        {
            return;
        }

        depth++;
        switch (operation)
        {
            case IDelegateCreationOperation creation:
                Visit(creation.Target, reportedAt, depth, found, cancellationToken);
                break;
            case IConversionOperation conversion:
                Visit(conversion.Operand, reportedAt, depth, found, cancellationToken);
                break;
            case IAnonymousFunctionOperation function:
                found.Add(DelegateSource.ForFunction(reportedAt, function.Body, function.Symbol));
                break;
            case IMethodReferenceOperation reference when BodyOf(reference.Method, operation, cancellationToken) is { } body:
                found.Add(DelegateSource.ForFunction(reportedAt, body, reference.Method));
                break;
            case IPropertyReferenceOperation property when symbols.IsDangerousValidator(property.Property):
                found.Add(DelegateSource.ForDangerousValidator(reportedAt));
                break;
            case IConditionalOperation { WhenFalse: not null } conditional:
                Visit(conditional.WhenTrue, Branch(conditional.WhenTrue, reportedAt), depth, found, cancellationToken);
                Visit(conditional.WhenFalse, Branch(conditional.WhenFalse, reportedAt), depth, found, cancellationToken);
                break;
            case ICoalesceOperation coalesce:
                Visit(coalesce.Value, Branch(coalesce.Value, reportedAt), depth, found, cancellationToken);
                Visit(coalesce.WhenNull, Branch(coalesce.WhenNull, reportedAt), depth, found, cancellationToken);
                break;
            case ILocalReferenceOperation local:
                Visit(SingleWrite(local, local.Local, out _), reportedAt, depth, found, cancellationToken);
                break;
            case IParameterReferenceOperation parameter:
                var written = SingleWrite(parameter, parameter.Parameter, out var entryReaches);
                if (written is not null)
                {
                    Visit(written, reportedAt, depth, found, cancellationToken);
                }
                else if (entryReaches)
                {
                    found.Add(DelegateSource.ForParameter(reportedAt, parameter.Parameter));
                }

                break;
            case IFieldReferenceOperation field:
                Visit(SingleFieldWrite(field.Field, operation, cancellationToken), reportedAt, depth, found, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// Locates a finding on a branch of a conditional when the branch is written at the installation
    /// site, so that a fix replaces only the branch. A branch in a local's initializer is reported where
    /// it is installed.
    /// </summary>
    private static IOperation Branch(IOperation branch, IOperation reportedAt) =>
        reportedAt.Syntax.SyntaxTree == branch.Syntax.SyntaxTree && reportedAt.Syntax.Span.Contains(branch.Syntax.Span) ? branch : reportedAt;

    /// <summary>
    /// Returns the only value written to a local or parameter that reaches <paramref name="read"/>, or null.
    /// <paramref name="entryReaches"/> is true when nothing in the method writes it before the read.
    /// </summary>
    private static IOperation? SingleWrite(IOperation read, ISymbol variable, out bool entryReaches)
    {
        var values = new List<(IOperation Value, long KeptBits)>();
        entryReaches = ReachingWrites.Collect(read, variable, values, out _);
        if (values.Count == 0)
        {
            return null;
        }

        entryReaches = entryReaches && variable is IParameterSymbol;
        return values.Count == 1 && !entryReaches ? values[0].Value : null;
    }

    /// <summary>
    /// Returns the value of a field's initializer or only assignment in its type's declarations, or null.
    /// Only read-only and private fields are traced, because code outside the type can write any other.
    /// </summary>
    private static IOperation? SingleFieldWrite(IFieldSymbol field, IOperation anchor, CancellationToken cancellationToken)
    {
        if (!field.IsReadOnly && field.DeclaredAccessibility != Accessibility.Private)
        {
            return null;
        }

        IOperation? single = null;
        var count = 0;
        foreach (var reference in field.OriginalDefinition.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value }
                && ModelFor(reference.SyntaxTree, anchor)?.GetOperation(value, cancellationToken) is { } initializer)
            {
                single = initializer;
                count++;
            }
        }

        foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
        {
            var model = ModelFor(reference.SyntaxTree, anchor);
            foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax
                    && model?.GetOperation(node, cancellationToken) is IAssignmentOperation { Target: IFieldReferenceOperation target } assignment
                    && SymbolEqualityComparer.Default.Equals(target.Field.OriginalDefinition, field.OriginalDefinition))
                {
                    single = assignment is ISimpleAssignmentOperation ? assignment.Value : null;
                    count++;
                }
            }
        }

        return count == 1 ? single : null;
    }
}
