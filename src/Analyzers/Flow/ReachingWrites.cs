using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetSecAnalyzers.Analyzers.Flow;

/// <summary>
/// Finds the values a local or parameter may hold at one read, by walking back through the statements
/// before it. A plain assignment or declaration in the same or an enclosing block ends the walk. Writes
/// inside branches, loops and earlier parts of the same statement may or may not run, so all of them
/// count. A plain <c>x &amp;= mask</c> with a constant mask removes those bits from every earlier value.
/// The walk stays inside the method and does not follow calls.
/// </summary>
internal static class ReachingWrites
{
    /// <summary>
    /// Adds the values written to <paramref name="variable"/> that may reach <paramref name="read"/>, each
    /// with the bits of it that survive later masks. Returns true when the variable's value on entry to its
    /// method may reach the read as well, which matters for a parameter's default value.
    /// </summary>
    public static bool Collect(IOperation read, ISymbol variable, List<(IOperation Value, long KeptBits)> values, out long keptBitsAtEntry)
    {
        keptBitsAtEntry = ~0L;
        var child = read;
        var parent = read.Parent;
        while (parent is not null)
        {
            if (parent is IBlockOperation block)
            {
                if (WalkBackThroughBlock(block, child, variable, values, ref keptBitsAtEntry))
                {
                    return false;
                }
            }
            else if (parent is ILoopOperation)
            {
                // A later write in the loop body reaches this read on the next iteration.
                AddAllWrites(parent, variable, values, keptBitsAtEntry, endPosition: int.MaxValue);
            }
            else if (IsFunctionBoundary(parent, out var function))
            {
                if (SymbolEqualityComparer.Default.Equals(function, variable.ContainingSymbol))
                {
                    return true;
                }

                // The variable is captured, so a write anywhere in the outer method may run before this
                // function does.
                AddAllWrites(OperationTree.Root(parent), variable, values, keptBitsAtEntry, endPosition: int.MaxValue);
                return variable is IParameterSymbol;
            }
            else
            {
                AddAllWrites(parent, variable, values, keptBitsAtEntry, endPosition: child.Syntax.SpanStart);
            }

            child = parent;
            parent = parent.Parent;
        }

        return true;
    }

    /// <summary>Returns the value written to <paramref name="variable"/> by one write, or null.</summary>
    public static IOperation? WrittenValue(IOperation operation, ISymbol variable)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation declarator
                when SymbolEqualityComparer.Default.Equals(declarator.Symbol, variable):
                return declarator.Initializer?.Value;
            case ISimpleAssignmentOperation assignment when Refers(assignment.Target, variable):
                return assignment.Value;
            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Or } compound
                when Refers(compound.Target, variable):
                return compound.Value;
            case IDeconstructionAssignmentOperation deconstruction:
                return Deconstruction.ElementFor(deconstruction, variable);
            default:
                return null;
        }
    }

    private static bool WalkBackThroughBlock(
        IBlockOperation block,
        IOperation child,
        ISymbol variable,
        List<(IOperation Value, long KeptBits)> values,
        ref long keptBits)
    {
        var index = block.Operations.IndexOf(child);
        for (var i = index - 1; i >= 0; i--)
        {
            var statement = block.Operations[i];
            if (TryGetPlainWrite(statement, variable, out var value, out var replacesValue, out var mask))
            {
                if (value is not null)
                {
                    values.Add((value, keptBits));
                }

                if (replacesValue)
                {
                    return true;
                }

                keptBits &= mask;
            }
            else
            {
                AddAllWrites(statement, variable, values, keptBits, endPosition: int.MaxValue);
            }
        }

        return false;
    }

    /// <summary>
    /// Recognises a statement that always writes the variable: a declaration, <c>x = v</c>, a compound
    /// assignment or a deconstruction. Compound assignments keep the earlier value, and <c>&amp;=</c> with a
    /// constant sets <paramref name="mask"/> to the bits it keeps.
    /// </summary>
    private static bool TryGetPlainWrite(IOperation statement, ISymbol variable, out IOperation? value, out bool replacesValue, out long mask)
    {
        value = null;
        replacesValue = true;
        mask = ~0L;
        if (statement is IVariableDeclarationGroupOperation group)
        {
            foreach (var declaration in group.Declarations)
            {
                foreach (var declarator in declaration.Declarators)
                {
                    if (SymbolEqualityComparer.Default.Equals(declarator.Symbol, variable))
                    {
                        value = declarator.Initializer?.Value;
                        return true;
                    }
                }
            }

            return false;
        }

        if (statement is not IExpressionStatementOperation { Operation: var expression })
        {
            return false;
        }

        switch (expression)
        {
            case ISimpleAssignmentOperation assignment when Refers(assignment.Target, variable):
                value = assignment.Value;
                return true;
            case ICompoundAssignmentOperation compound when Refers(compound.Target, variable):
                value = compound.OperatorKind == BinaryOperatorKind.Or ? compound.Value : null;
                replacesValue = false;
                if (compound.OperatorKind == BinaryOperatorKind.And
                    && compound.Value.ConstantValue.HasValue
                    && ConstantBits.TryGet(compound.Value.ConstantValue.Value, out var kept))
                {
                    mask = kept;
                }

                return true;
            case IDeconstructionAssignmentOperation deconstruction when Deconstruction.Targets(deconstruction, variable):
                value = Deconstruction.ElementFor(deconstruction, variable);
                return true;
            default:
                return false;
        }
    }

    private static void AddAllWrites(
        IOperation scope,
        ISymbol variable,
        List<(IOperation Value, long KeptBits)> values,
        long keptBits,
        int endPosition)
    {
        foreach (var operation in scope.DescendantsAndSelf())
        {
            if (operation.Syntax.SpanStart >= endPosition)
            {
                continue;
            }

            var value = WrittenValue(operation, variable);
            if (value is not null)
            {
                values.Add((value, keptBits));
            }
        }
    }

    /// <summary>Returns true when <paramref name="target"/> is a reference to the local or parameter.</summary>
    public static bool Refers(IOperation target, ISymbol variable) => target switch
    {
        ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, variable),
        IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, variable),
        _ => false,
    };

    private static bool IsFunctionBoundary(IOperation operation, out ISymbol? function)
    {
        function = operation switch
        {
            IAnonymousFunctionOperation anonymous => anonymous.Symbol,
            ILocalFunctionOperation local => local.Symbol,
            _ => null,
        };
        return function is not null;
    }
}
