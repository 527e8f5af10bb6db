using Microsoft.CodeAnalysis;

namespace NetSecAnalyzers.Analyzers.Flow;

/// <summary>Navigation helpers for the operation tree of one method, lambda or field initializer.</summary>
internal static class OperationTree
{
    /// <summary>Returns the topmost operation above <paramref name="operation"/>, the body that contains it.</summary>
    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
