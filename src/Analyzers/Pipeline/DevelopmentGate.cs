using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetSecAnalyzers.Analyzers.Pipeline;

/// <summary>Works out which environments a call runs in from the <c>if</c> statements around it.</summary>
internal static class DevelopmentGate
{
    /// <summary>Returns the gate of <paramref name="operation"/> inside its method, combined with the gate of the call that led there.</summary>
    public static StepGate Of(IOperation operation, StepGate outer)
    {
        var gate = outer;
        var child = operation;
        for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is not IConditionalOperation conditional || child == conditional.Condition)
            {
                continue;
            }

            var inTrueBranch = child == conditional.WhenTrue;
            gate = Combine(gate, BranchGate(conditional.Condition, inTrueBranch));
        }

        return gate;
    }

    /// <summary>
    /// Returns true when <paramref name="condition"/> is <c>env.IsDevelopment()</c>, false when it is
    /// <c>!env.IsDevelopment()</c>, and null for any other condition.
    /// </summary>
    public static bool? TestsDevelopment(IOperation condition)
    {
        var negated = false;
        while (true)
        {
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    negated = !negated;
                    condition = not.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    condition = parenthesized.Operand;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "IsDevelopment" } invocation
                    when invocation.TargetMethod.ContainingNamespace?.ToDisplayString() is "Microsoft.Extensions.Hosting" or "Microsoft.AspNetCore.Hosting":
                    return !negated;
                default:
                    return null;
            }
        }
    }

    private static StepGate BranchGate(IOperation condition, bool inTrueBranch) =>
        TestsDevelopment(condition) switch
        {
            true => inTrueBranch ? StepGate.DevelopmentOnly : StepGate.OutsideDevelopment,
            false => inTrueBranch ? StepGate.OutsideDevelopment : StepGate.DevelopmentOnly,
            null => StepGate.Conditional,
        };

    private static StepGate Combine(StepGate first, StepGate second)
    {
        if (first == StepGate.DevelopmentOnly || second == StepGate.DevelopmentOnly)
        {
            return StepGate.DevelopmentOnly;
        }

        if (first == StepGate.OutsideDevelopment || second == StepGate.OutsideDevelopment)
        {
            return StepGate.OutsideDevelopment;
        }

        return first == StepGate.Conditional || second == StepGate.Conditional ? StepGate.Conditional : StepGate.Always;
    }
}
