using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetSecAnalyzers.Analyzers.Flow;

namespace NetSecAnalyzers.Analyzers.CertificateValidation;

/// <summary>
/// Decides whether a validator accepts every certificate: each <c>return</c> outside nested functions
/// returns <c>true</c>, and nothing throws. Statements before the return, such as logging, do not matter.
/// </summary>
internal static class AlwaysTrueBody
{
    private const int MaxDepth = 16;

    /// <summary>
    /// Returns true when every path through <paramref name="body"/> that returns, returns <c>true</c>, and
    /// nothing in it throws: neither the body itself nor a method of the project that it calls directly.
    /// </summary>
    public static bool AcceptsEverything(IOperation body, CancellationToken cancellationToken)
    {
        var returns = 0;
        foreach (var operation in OwnOperations(body))
        {
            if (operation is IThrowOperation || (operation is IInvocationOperation call && CallsThrowingMethod(call, cancellationToken)))
            {
                return false;
            }

            if (operation is IReturnOperation { Kind: OperationKind.Return } statement)
            {
                if (!IsTrue(statement.ReturnedValue, depth: 0))
                {
                    return false;
                }

                returns++;
            }
        }

        return returns > 0;
    }

    /// <summary>Returns true for a call to a method whose body, in the project, contains a <c>throw</c>, such as a pinning check.</summary>
    public static bool CallsThrowingMethod(IInvocationOperation call, CancellationToken cancellationToken)
    {
        var body = DelegateSources.BodyOf(call.TargetMethod, call, cancellationToken);
        if (body is null)
        {
            return false;
        }

        foreach (var operation in OwnOperations(body))
        {
            if (operation is IThrowOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The operations of a body, without those of nested lambdas and local functions.</summary>
    private static IEnumerable<IOperation> OwnOperations(IOperation root)
    {
        var pending = new Stack<IOperation>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            yield return operation;
            foreach (var child in operation.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    pending.Push(child);
                }
            }
        }
    }

    /// <summary>Returns true for a value that is <c>true</c> on every path: a constant, or locals and branches made of them.</summary>
    private static bool IsTrue(IOperation? value, int depth)
    {
        if (value is null || depth > MaxDepth)
        {
            return false;
        }

        if (value.ConstantValue is { HasValue: true, Value: bool constant })
        {
            return constant;
        }

        depth++;
        switch (value)
        {
            case IConversionOperation conversion:
                return IsTrue(conversion.Operand, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } union:
                return IsTrue(union.LeftOperand, depth) || IsTrue(union.RightOperand, depth);
            case IConditionalOperation { WhenFalse: not null } conditional:
                return IsTrue(conditional.WhenTrue, depth) && IsTrue(conditional.WhenFalse, depth);
            case ILocalReferenceOperation local:
                var values = new List<(IOperation Value, long KeptBits)>();
                if (ReachingWrites.Collect(local, local.Local, values, out _) || values.Count == 0 || HasUntracedWrite(local))
                {
                    return false;
                }

                foreach (var (written, _) in values)
                {
                    if (!IsTrue(written, depth))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Returns true when the local is written in a way that the walk back through its writes does not judge
    /// as a <c>bool</c>: <c>&amp;=</c> and other compound assignments, <c>ref</c> or <c>out</c> arguments,
    /// and deconstruction.
    /// </summary>
    private static bool HasUntracedWrite(ILocalReferenceOperation read)
    {
        var root = OperationTree.Root(read);

        foreach (var operation in root.DescendantsAndSelf())
        {
            var written = operation switch
            {
                ICompoundAssignmentOperation compound => compound.Target,
                IArgumentOperation { Parameter.RefKind: not RefKind.None } argument => argument.Value,
                IDeconstructionAssignmentOperation deconstruction => deconstruction.Target,
                _ => null,
            };
            if (written is not null && ReferencesLocal(written, read.Local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReferencesLocal(IOperation operation, ILocalSymbol local)
    {
        foreach (var inner in operation.DescendantsAndSelf())
        {
            if (inner is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                return true;
            }
        }

        return false;
    }
}
