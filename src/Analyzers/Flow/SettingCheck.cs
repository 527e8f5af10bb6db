using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NetSecAnalyzers.Analyzers.Flow;

/// <summary>
/// One rule that reports constants reaching settings. The base recognises the writes: <c>=</c>, object
/// initializers, deconstruction, <c>|=</c> where bitwise operators count, and method and constructor arguments. A rule
/// decides which properties and parameters are settings, which constants are findings, and how to report one.
/// Properties of the project's own types are treated as storage, not settings, so test data and records
/// stay quiet.
/// </summary>
internal abstract class SettingCheck<TFinding>
    where TFinding : ConstantFinding
{
    private readonly IAssemblySymbol sourceAssembly;

    protected SettingCheck(IAssemblySymbol sourceAssembly, bool tracesBitwiseOperators, IValueBuilders? builders = null)
    {
        this.sourceAssembly = sourceAssembly;
        TracesBitwiseOperators = tracesBitwiseOperators;
        Sources = new ConstantSources(tracesBitwiseOperators, builders);
    }

    public ConstantSources Sources { get; }

    /// <summary>True when some method or constructor argument can be a setting, so calls are worth collecting.</summary>
    public abstract bool HasSettingParameters { get; }

    private bool TracesBitwiseOperators { get; }

    /// <summary>Returns true for the type of a setting's value, which is also the type of fields and locals that store it.</summary>
    public abstract bool IsSettingType(ITypeSymbol? type);

    /// <summary>Returns true for a constant that the rule reports when it reaches a setting.</summary>
    public abstract bool IsFinding(ConstantSource source);

    public abstract TFinding CreateFinding(ConstantSource source, SettingWrite write);

    /// <summary>Combines two findings for one expression, which several settings or paths can reach.</summary>
    public abstract TFinding Merge(TFinding existing, TFinding other);

    public abstract Diagnostic CreateDiagnostic(TFinding finding);

    protected abstract bool IsSettingProperty(IPropertySymbol property);

    protected abstract bool IsSettingParameter(IMethodSymbol method, IParameterSymbol parameter);

    /// <summary>Adds the values that <paramref name="operation"/> writes to settings.</summary>
    public void AddWrites(IOperation operation, List<SettingWrite> writes)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation assignment when SettingOf(assignment.Target) is { } setting:
                writes.Add(new SettingWrite(assignment.Value, setting));
                break;

            // &= can only remove bits. ^= toggles bits whose earlier state is unknown, so it is not judged.
            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Or } compound
                when TracesBitwiseOperators && SettingOf(compound.Target) is { } setting:
                writes.Add(new SettingWrite(compound.Value, setting));
                break;
            case IDeconstructionAssignmentOperation deconstruction:
                foreach (var (target, value) in Deconstruction.Pairs(deconstruction.Target, deconstruction.Value))
                {
                    if (SettingOf(target) is { } setting)
                    {
                        writes.Add(new SettingWrite(value, setting));
                    }
                }

                break;
            case IInvocationOperation invocation when HasSettingParameters:
                AddArgumentWrites(invocation.TargetMethod, invocation.Arguments, writes);
                break;
            case IObjectCreationOperation { Constructor: { } constructor } creation when HasSettingParameters:
                AddArgumentWrites(constructor, creation.Arguments, writes);
                break;
        }
    }

    /// <summary>Adds the values written to settings anywhere in one syntax tree.</summary>
    public void AddWritesInTree(SemanticModel model, List<SettingWrite> writes, CancellationToken cancellationToken)
    {
        var root = model.SyntaxTree.GetRoot(cancellationToken);
        foreach (var node in root.DescendantNodes())
        {
            if (node is AssignmentExpressionSyntax or InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax
                && model.GetOperation(node, cancellationToken) is { } operation)
            {
                AddWrites(operation, writes);
            }
        }
    }

    private void AddArgumentWrites(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, List<SettingWrite> writes)
    {
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue
                && argument.Parameter is { } parameter
                && IsSettingParameter(method, parameter))
            {
                writes.Add(new SettingWrite(argument.Value, parameter));
            }
        }
    }

    private IPropertySymbol? SettingOf(IOperation target) =>
        target is IPropertyReferenceOperation { Property: { SetMethod: not null } property }
        && IsSettingType(property.Type)
        && !SymbolEqualityComparer.Default.Equals(property.ContainingAssembly, sourceAssembly)
        && IsSettingProperty(property)
            ? property
            : null;
}
