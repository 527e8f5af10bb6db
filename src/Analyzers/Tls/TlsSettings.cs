using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NetSecAnalyzers.Analyzers.Tls;

/// <summary>
/// Recognises writes to TLS settings: every writable <c>SslProtocols</c> or <c>SecurityProtocolType</c>
/// property declared in a referenced assembly (written with <c>=</c>, <c>|=</c>, an object initializer or
/// a deconstruction) and the protocol arguments of <c>SslStream.AuthenticateAs*</c>.
/// </summary>
internal sealed class TlsSettings
{
    private readonly TlsProtocolSymbols symbols;
    private readonly IAssemblySymbol sourceAssembly;

    public TlsSettings(TlsProtocolSymbols symbols, IAssemblySymbol sourceAssembly)
    {
        this.symbols = symbols;
        this.sourceAssembly = sourceAssembly;
    }

    /// <summary>Adds the values that <paramref name="operation"/> writes to TLS settings.</summary>
    public void AddValuesWritten(IOperation operation, List<IOperation> values)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation assignment when IsSetting(assignment.Target):
                values.Add(assignment.Value);
                break;

            // &= can only remove protocols. ^= toggles bits whose earlier state is unknown, so it is not judged.
            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Or } compound when IsSetting(compound.Target):
                values.Add(compound.Value);
                break;
            case IDeconstructionAssignmentOperation deconstruction:
                foreach (var (target, value) in Deconstruction.Pairs(deconstruction.Target, deconstruction.Value))
                {
                    if (IsSetting(target))
                    {
                        values.Add(value);
                    }
                }

                break;
            case IInvocationOperation invocation when IsSslStreamAuthentication(invocation.TargetMethod):
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.ArgumentKind != ArgumentKind.DefaultValue && symbols.Find(argument.Parameter?.Type) is not null)
                    {
                        values.Add(argument.Value);
                    }
                }

                break;
        }
    }

    /// <summary>Adds the values written to TLS settings anywhere in one syntax tree.</summary>
    public void AddValuesWrittenInTree(SemanticModel model, List<IOperation> values, CancellationToken cancellationToken)
    {
        var root = model.SyntaxTree.GetRoot(cancellationToken);
        foreach (var node in root.DescendantNodes())
        {
            if (node is AssignmentExpressionSyntax or InvocationExpressionSyntax
                && model.GetOperation(node, cancellationToken) is { } operation)
            {
                AddValuesWritten(operation, values);
            }
        }
    }

    /// <summary>
    /// A setting is a writable protocol-typed property of a referenced assembly. Properties of the
    /// project's own types are treated as storage, not settings, so test data and records stay quiet.
    /// </summary>
    private bool IsSetting(IOperation target) =>
        target is IPropertyReferenceOperation { Property: { SetMethod: not null } property }
        && symbols.Find(property.Type) is not null
        && !SymbolEqualityComparer.Default.Equals(property.ContainingAssembly, sourceAssembly);

    private bool IsSslStreamAuthentication(IMethodSymbol method)
    {
        if (symbols.SslStream is null || !method.Name.StartsWith("AuthenticateAs", System.StringComparison.Ordinal))
        {
            return false;
        }

        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, symbols.SslStream))
            {
                return true;
            }
        }

        return false;
    }
}
