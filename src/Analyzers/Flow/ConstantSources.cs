using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NetSecAnalyzers.Analyzers.Flow;

/// <summary>A constant expression that a value may come from, with the bits of it that survive constant masks.</summary>
internal readonly struct ConstantSource
{
    public ConstantSource(IOperation constant, long keptBits)
    {
        Constant = constant;
        KeptBits = keptBits;
    }

    public IOperation Constant { get; }

    public long KeptBits { get; }
}

/// <summary>
/// Traces a value back to the constant expressions it is built from. The trace goes through casts,
/// conditional, <c>??</c> and switch expressions, locals, parameters (their default value), and constants,
/// fields and get-only auto-properties whose initializers are in the same file. For flags enums it also goes
/// through <c>|</c>, <c>|=</c> and <c>&amp;</c> with a constant mask. A rule can add its own steps through
/// <see cref="IValueBuilders"/>. A constant expression is returned as a whole, at the largest constant part
/// of the value, because that is the text a reader edits.
/// </summary>
internal sealed class ConstantSources
{
    // A bound on the chain of locals, fields and operators followed from one setting. Real code stays far
    // below it, so it only stops pathological input.
    private const int MaxDepth = 32;

    private readonly bool tracesBitwiseOperators;
    private readonly IValueBuilders? builders;

    /// <param name="tracesBitwiseOperators">
    /// True for flags enums, whose <c>|</c> adds and <c>&amp;</c> removes bits. False for values such as
    /// <c>bool</c>, where <c>false | x</c> is <c>x</c> and so the constant operand is not a source.
    /// </param>
    /// <param name="builders">The rule's own ways of building a value from another one, or null.</param>
    public ConstantSources(bool tracesBitwiseOperators, IValueBuilders? builders = null)
    {
        this.tracesBitwiseOperators = tracesBitwiseOperators;
        this.builders = builders;
    }

    /// <summary>Returns true for an expression that <see cref="Find"/> can return as a source.</summary>
    public bool IsConstant(IOperation operation) =>
        operation.ConstantValue.HasValue || builders?.IsPartialConstant(operation) == true;

    public List<ConstantSource> Find(IOperation value)
    {
        var found = new List<ConstantSource>();

        // An enum member is its own and only source, so the common case of a suite or protocol written by name
        // skips the walk and its visited set. With a rule's own steps the walk runs, since a step may apply here.
        if (builders is null && IsEnumMember(value) && !IsIgnoredCompoundOperand(value))
        {
            found.Add(new ConstantSource(value, keptBits: ~0L));
            return found;
        }

        Visit(value, keptBits: ~0L, depth: 0, new HashSet<(IOperation, long)>(), found);
        return found;
    }

    private void Visit(IOperation? operation, long keptBits, int depth, HashSet<(IOperation, long)> visited, List<ConstantSource> found)
    {
        if (operation is null || depth > MaxDepth || !visited.Add((operation, keptBits)) || IsIgnoredCompoundOperand(operation))
        {
            return;
        }

        depth++;
        foreach (var branch in Branches(operation))
        {
            Visit(branch, keptBits, depth, visited, found);
        }

        if (IsBranching(operation))
        {
            return;
        }

        var constantDeclaration = ConstantDeclarationValue(operation);
        if (constantDeclaration is not null)
        {
            Visit(constantDeclaration, keptBits, depth, visited, found);
            return;
        }

        // The rule's step runs before the constant check, so that a constant built from a named constant
        // can be reported where the named one is declared.
        if (builders?.BuiltFrom(operation) is { } builtFrom)
        {
            Visit(builtFrom, keptBits, depth, visited, found);
            return;
        }

        if (IsConstant(operation))
        {
            found.Add(new ConstantSource(operation, keptBits));
            return;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                Visit(conversion.Operand, keptBits, depth, visited, found);
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Or } union when tracesBitwiseOperators:
                Visit(union.LeftOperand, keptBits, depth, visited, found);
                Visit(union.RightOperand, keptBits, depth, visited, found);
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.And } masked when tracesBitwiseOperators:
                // A constant mask can only remove bits. Without a constant side the result is not traced.
                if (TryGetConstantBits(masked.LeftOperand, out var leftMask))
                {
                    Visit(masked.RightOperand, keptBits & leftMask, depth, visited, found);
                }
                else if (TryGetConstantBits(masked.RightOperand, out var rightMask))
                {
                    Visit(masked.LeftOperand, keptBits & rightMask, depth, visited, found);
                }

                break;
            case ISimpleAssignmentOperation assignment:
                Visit(assignment.Value, keptBits, depth, visited, found);
                break;
            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Or } compound when tracesBitwiseOperators:
                Visit(compound.Target, keptBits, depth, visited, found);
                Visit(compound.Value, keptBits, depth, visited, found);
                break;
            case ILocalReferenceOperation local:
                VisitWrites(local, local.Local, keptBits, depth, visited, found, out _);
                break;
            case IParameterReferenceOperation parameter:
                if (VisitWrites(parameter, parameter.Parameter, keptBits, depth, visited, found, out var keptBitsAtEntry))
                {
                    Visit(DeclaredValue(parameter.Parameter, operation), keptBits & keptBitsAtEntry, depth, visited, found);
                }

                break;
            case IFieldReferenceOperation { Field: { IsReadOnly: true } or { IsStatic: true } } field:
                Visit(DeclaredValue(field.Field, operation), keptBits, depth, visited, found);
                break;
            case IPropertyReferenceOperation { Property.SetMethod: null } property:
                Visit(DeclaredValue(property.Property, operation), keptBits, depth, visited, found);
                break;
        }
    }

    /// <summary>
    /// Returns true for the right side of <c>x |= v</c> when bitwise operators are not traced: the walk back
    /// through a variable's writes offers it, but it does not replace the variable's value.
    /// </summary>
    private bool IsIgnoredCompoundOperand(IOperation operation) =>
        !tracesBitwiseOperators && operation.Parent is ICompoundAssignmentOperation compound && compound.Value == operation;

    private static bool IsEnumMember(IOperation operation) =>
        operation is IFieldReferenceOperation { ConstantValue.HasValue: true, Field.ContainingType.TypeKind: TypeKind.Enum };

    private static bool IsBranching(IOperation operation) =>
        operation is IConditionalOperation { WhenFalse: not null } or ICoalesceOperation or ISwitchExpressionOperation;

    /// <summary>The values a conditional, <c>??</c> or switch expression may produce, each judged on its own.</summary>
    private static IEnumerable<IOperation> Branches(IOperation operation)
    {
        switch (operation)
        {
            case IConditionalOperation { WhenFalse: not null } conditional:
                yield return conditional.WhenTrue;
                yield return conditional.WhenFalse;
                break;
            case ICoalesceOperation coalesce:
                yield return coalesce.Value;
                yield return coalesce.WhenNull;
                break;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    yield return arm.Value;
                }

                break;
        }
    }

    /// <returns>True when the variable's value on entry may reach the read, with the bits of it that survive.</returns>
    private bool VisitWrites(
        IOperation read,
        ISymbol variable,
        long keptBits,
        int depth,
        HashSet<(IOperation, long)> visited,
        List<ConstantSource> found,
        out long keptBitsAtEntry)
    {
        var values = new List<(IOperation Value, long KeptBits)>();
        var entryReaches = ReachingWrites.Collect(read, variable, values, out keptBitsAtEntry);
        foreach (var (value, keptByLaterMasks) in values)
        {
            Visit(value, keptBits & keptByLaterMasks, depth, visited, found);
        }

        return entryReaches;
    }

    /// <summary>
    /// Returns the initializer of a user-declared constant read by <paramref name="operation"/> when it is in
    /// the same file. A constant declared in another file is reported where it is read.
    /// </summary>
    private static IOperation? ConstantDeclarationValue(IOperation operation) => operation switch
    {
        ILocalReferenceOperation { Local.IsConst: true } local => DeclaredValue(local.Local, operation),
        IFieldReferenceOperation { Field: { IsConst: true, ContainingType.TypeKind: not TypeKind.Enum } } field =>
            DeclaredValue(field.Field, operation),
        _ => null,
    };

    /// <summary>
    /// Returns the operation of a symbol's initializer or default value, when it is
    /// declared in the same syntax tree as <paramref name="reference"/>.
    /// </summary>
    public static IOperation? DeclaredValue(ISymbol symbol, IOperation reference)
    {
        var tree = reference.Syntax.SyntaxTree;
        foreach (var syntaxReference in symbol.DeclaringSyntaxReferences)
        {
            if (syntaxReference.SyntaxTree != tree)
            {
                continue;
            }

            ExpressionSyntax? value = syntaxReference.GetSyntax() switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                ParameterSyntax parameter => parameter.Default?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value,
                _ => null,
            };
            if (value is not null)
            {
                return reference.SemanticModel?.GetOperation(value);
            }
        }

        return null;
    }

    private static bool TryGetConstantBits(IOperation operation, out long bits)
    {
        bits = 0;
        return operation.ConstantValue.HasValue && ConstantBits.TryGet(operation.ConstantValue.Value, out bits);
    }
}
