using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetSecAnalyzers.Analyzers.Pipeline;

/// <summary>The operation trees of methods declared in the compilation, for following a pipeline into helper methods.</summary>
internal sealed class SourceBodies
{
    private readonly Compilation compilation;
    private readonly CancellationToken cancellationToken;

    public SourceBodies(Compilation compilation, CancellationToken cancellationToken)
    {
        this.compilation = compilation;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Returns the body of <paramref name="method"/>, or null when it is not declared with a body in this compilation.</summary>
    public IOperation? TryGet(IMethodSymbol method)
    {
        if (!SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly))
        {
            return null;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);

            // A helper in another file needs that file's semantic model; the compiler caches it for the
            // compilation, and the operation-block actions cannot see across methods.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            var model = compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
            var operation = model.GetOperation(syntax, cancellationToken);
            switch (operation)
            {
                case ILocalFunctionOperation localFunction when localFunction.Body is not null:
                    return localFunction.Body;
                case IMethodBodyOperation { BlockBody: not null } or IMethodBodyOperation { ExpressionBody: not null }:
                    return operation;
            }
        }

        return null;
    }

    public IAssemblySymbol Assembly => compilation.Assembly;

    public bool IsInSource(IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly);
}
