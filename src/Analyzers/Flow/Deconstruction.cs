using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetSecAnalyzers.Analyzers.Flow;

/// <summary>
/// Pairs the targets of a deconstruction such as <c>var (a, b) = (x, y)</c> with the tuple elements they
/// receive. Only a tuple literal on the right has elements to pair, so a method's result pairs with nothing.
/// </summary>
internal static class Deconstruction
{
    public static bool Targets(IDeconstructionAssignmentOperation deconstruction, ISymbol variable) =>
        FindPath(deconstruction.Target, variable, new List<int>());

    /// <summary>Returns the element written to <paramref name="variable"/>, or null when it has no literal element.</summary>
    public static IOperation? ElementFor(IDeconstructionAssignmentOperation deconstruction, ISymbol variable)
    {
        var path = new List<int>();
        return FindPath(deconstruction.Target, variable, path) ? Follow(deconstruction.Value, path) : null;
    }

    /// <summary>Pairs each target of the deconstruction with its element, for sinks written as targets.</summary>
    public static IEnumerable<(IOperation Target, IOperation Value)> Pairs(IOperation target, IOperation value)
    {
        var targetTuple = AsTuple(target);
        var valueTuple = AsTuple(value);
        if (targetTuple is null)
        {
            yield return (target, value);
            yield break;
        }

        if (valueTuple is null || valueTuple.Elements.Length != targetTuple.Elements.Length)
        {
            yield break;
        }

        for (var i = 0; i < targetTuple.Elements.Length; i++)
        {
            foreach (var pair in Pairs(targetTuple.Elements[i], valueTuple.Elements[i]))
            {
                yield return pair;
            }
        }
    }

    private static bool FindPath(IOperation target, ISymbol variable, List<int> path)
    {
        var tuple = AsTuple(target);
        if (tuple is null)
        {
            return ReachingWrites.Refers(Unwrap(target), variable);
        }

        for (var i = 0; i < tuple.Elements.Length; i++)
        {
            path.Add(i);
            if (FindPath(tuple.Elements[i], variable, path))
            {
                return true;
            }

            path.RemoveAt(path.Count - 1);
        }

        return false;
    }

    private static IOperation? Follow(IOperation value, List<int> path)
    {
        var current = value;
        foreach (var index in path)
        {
            var tuple = AsTuple(current);
            if (tuple is null || index >= tuple.Elements.Length)
            {
                return null;
            }

            current = tuple.Elements[index];
        }

        return current;
    }

    private static ITupleOperation? AsTuple(IOperation operation) => Unwrap(operation) as ITupleOperation;

    private static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IDeclarationExpressionOperation declaration:
                    operation = declaration.Expression;
                    break;
                case IConversionOperation conversion
                    when conversion.Operand is ITupleOperation || conversion.Operand.Type?.IsTupleType == true:
                    operation = conversion.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }
}
