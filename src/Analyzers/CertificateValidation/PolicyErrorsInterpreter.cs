using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetSecAnalyzers.Analyzers.Flow;

namespace NetSecAnalyzers.Analyzers.CertificateValidation;

/// <summary>
/// Finds the policy errors a validator accepts by running its body once for each combination of
/// <c>SslPolicyErrors</c> flags, following only <c>if</c>, <c>return</c>, <c>throw</c>, locals and
/// conditions on the errors parameter. A combination whose outcome depends on anything else, such as a
/// certificate property, is not judged, so pinning code is never a finding.
/// </summary>
internal sealed class PolicyErrorsInterpreter
{
    private const int MaxDepth = 16;

    private readonly IParameterSymbol errors;
    private readonly CancellationToken cancellationToken;
    private readonly Dictionary<ILocalSymbol, bool?> locals = new(SymbolEqualityComparer.Default);

    private PolicyErrorsInterpreter(IParameterSymbol errors, CancellationToken cancellationToken)
    {
        this.errors = errors;
        this.cancellationToken = cancellationToken;
    }

    private enum Outcome
    {
        Continue,
        Accept,
        Reject,
        Unknown,
    }

    /// <summary>
    /// Returns the flags among <paramref name="reported"/> that some error combination containing them is
    /// accepted with, when no check other than on <paramref name="errors"/> decides it.
    /// </summary>
    public static long AcceptedErrors(IOperation body, IParameterSymbol errors, IReadOnlyList<long> flags, long reported, CancellationToken cancellationToken)
    {
        var accepted = 0L;
        var combinations = 1 << flags.Count;
        for (var combination = 1; combination < combinations; combination++)
        {
            var value = 0L;
            for (var i = 0; i < flags.Count; i++)
            {
                if ((combination & (1 << i)) != 0)
                {
                    value |= flags[i];
                }
            }

            if ((value & reported) != 0 && new PolicyErrorsInterpreter(errors, cancellationToken).Run(body, value) == Outcome.Accept)
            {
                accepted |= value & reported;
            }
        }

        return accepted;
    }

    private Outcome Run(IOperation statement, long value)
    {
        switch (statement)
        {
            case IBlockOperation block:
                foreach (var inner in block.Operations)
                {
                    var outcome = Run(inner, value);
                    if (outcome != Outcome.Continue)
                    {
                        return outcome;
                    }
                }

                return Outcome.Continue;
            case IReturnOperation { Kind: OperationKind.Return } result:
                return Evaluate(result.ReturnedValue, value, depth: 0) switch
                {
                    true => Outcome.Accept,
                    false => Outcome.Reject,
                    null => Outcome.Unknown,
                };
            case IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation }:
                return Outcome.Reject;
            case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment }:
                locals[local.Local] = Evaluate(assignment.Value, value, depth: 0);
                return Outcome.Continue;
            case IConditionalOperation conditional:
                return Evaluate(conditional.Condition, value, depth: 0) switch
                {
                    true => Run(conditional.WhenTrue, value),
                    false => conditional.WhenFalse is null ? Outcome.Continue : Run(conditional.WhenFalse, value),
                    null => Outcome.Unknown,
                };
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        var initializer = declarator.Initializer?.Value ?? declaration.Initializer?.Value;
                        locals[declarator.Symbol] = initializer is null ? null : Evaluate(initializer, value, depth: 0);
                    }
                }

                return Outcome.Continue;

            // Logging and other calls whose result is dropped do not decide the outcome. A local the
            // statement mentions may have changed, as with ok &= chain.Build(certificate), so it is forgotten.
            case IExpressionStatementOperation expression:
                ForgetLocals(expression);
                return CallsThrowingMethod(expression) ? Outcome.Unknown : Outcome.Continue;
            case IEmptyOperation or ILocalFunctionOperation:
                return Outcome.Continue;
            case ILabeledOperation labeled:
                return labeled.Operation is null ? Outcome.Continue : Run(labeled.Operation, value);
            default:
                return Outcome.Unknown;
        }
    }

    private bool CallsThrowingMethod(IOperation statement)
    {
        foreach (var operation in statement.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation call && AlwaysTrueBody.CallsThrowingMethod(call, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private void ForgetLocals(IOperation statement)
    {
        foreach (var operation in statement.DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation local)
            {
                locals.Remove(local.Local);
            }
        }
    }

    /// <summary>Evaluates a condition for one errors value; returns null when something else decides it.</summary>
    private bool? Evaluate(IOperation? operation, long value, int depth)
    {
        if (operation is null || depth > MaxDepth)
        {
            return null;
        }

        if (operation.ConstantValue is { HasValue: true, Value: bool constant })
        {
            return constant;
        }

        depth++;
        switch (operation)
        {
            case IConversionOperation conversion:
                return Evaluate(conversion.Operand, value, depth);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return !Evaluate(not.Operand, value, depth);
            case IBinaryOperation binary:
                return EvaluateBinary(binary, value, depth);
            case IIsPatternOperation isPattern:
                return Bits(isPattern.Value, value, depth) is { } tested ? Matches(isPattern.Pattern, tested, value, depth) : null;
            case IInvocationOperation { TargetMethod.Name: nameof(System.Enum.HasFlag), Instance: { } instance, Arguments.Length: 1 } hasFlag:
                var flag = Bits(hasFlag.Arguments[0].Value, value, depth);
                return Bits(instance, value, depth) is { } bits && flag is { } wanted ? (bits & wanted) == wanted : null;
            case IConditionalOperation { WhenFalse: not null } conditional:
                return Evaluate(conditional.Condition, value, depth) switch
                {
                    true => Evaluate(conditional.WhenTrue, value, depth),
                    false => Evaluate(conditional.WhenFalse, value, depth),
                    null => null,
                };
            case ILocalReferenceOperation local:
                return locals.TryGetValue(local.Local, out var known) ? known : null;
            default:
                return null;
        }
    }

    private bool? EvaluateBinary(IBinaryOperation binary, long value, int depth)
    {
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or when binary.Type?.SpecialType == SpecialType.System_Boolean:
                var left = Evaluate(binary.LeftOperand, value, depth);
                return left == true ? true : Or(left, Evaluate(binary.RightOperand, value, depth));
            case BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And when binary.Type?.SpecialType == SpecialType.System_Boolean:
                var first = Evaluate(binary.LeftOperand, value, depth);
                return first == false ? false : !Or(!first, !Evaluate(binary.RightOperand, value, depth));
            case BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
                bool? equal;
                if (Bits(binary.LeftOperand, value, depth) is { } leftBits && Bits(binary.RightOperand, value, depth) is { } rightBits)
                {
                    equal = leftBits == rightBits;
                }
                else
                {
                    var leftValue = Evaluate(binary.LeftOperand, value, depth);
                    var rightValue = Evaluate(binary.RightOperand, value, depth);
                    equal = leftValue is null || rightValue is null ? null : leftValue == rightValue;
                }

                return binary.OperatorKind == BinaryOperatorKind.Equals ? equal : !equal;
            default:
                return null;
        }
    }

    /// <summary>Three-valued or: true wins over unknown.</summary>
    private static bool? Or(bool? left, bool? right)
    {
        if (left == true || right == true)
        {
            return true;
        }

        return left is null || right is null ? null : false;
    }

    private bool? Matches(IPatternOperation pattern, long tested, long value, int depth) => pattern switch
    {
        IConstantPatternOperation constant => Bits(constant.Value, value, depth) is { } bits ? bits == tested : null,
        INegatedPatternOperation negated => !Matches(negated.Pattern, tested, value, depth),
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } either =>
            Or(Matches(either.LeftPattern, tested, value, depth), Matches(either.RightPattern, tested, value, depth)),
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } both =>
            !Or(!Matches(both.LeftPattern, tested, value, depth), !Matches(both.RightPattern, tested, value, depth)),
        IDiscardPatternOperation => true,
        _ => null,
    };

    /// <summary>Evaluates an integer or enum expression built from the errors parameter and constants.</summary>
    private long? Bits(IOperation operation, long value, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        if (operation.ConstantValue.HasValue)
        {
            return ConstantBits.TryGet(operation.ConstantValue.Value, out var constant) ? constant : null;
        }

        depth++;
        switch (operation)
        {
            case IConversionOperation conversion:
                return Bits(conversion.Operand, value, depth);
            case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter, errors):
                return value;
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.BitwiseNegation } negation:
                return ~Bits(negation.Operand, value, depth);
            case IBinaryOperation binary:
                var left = Bits(binary.LeftOperand, value, depth);
                var right = Bits(binary.RightOperand, value, depth);
                return binary.OperatorKind switch
                {
                    BinaryOperatorKind.And => left & right,
                    BinaryOperatorKind.Or => left | right,
                    BinaryOperatorKind.ExclusiveOr => left ^ right,
                    _ => null,
                };
            default:
                return null;
        }
    }
}
