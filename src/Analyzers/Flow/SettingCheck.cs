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

    /// <summary>The calls whose arguments can be settings, so that other calls are not looked at.</summary>
    public abstract SettingCalls CallsWithSettings { get; }

    /// <summary>
    /// The kinds of operation that can write a setting or store a reported constant in a local, for the
    /// operation action: see <see cref="WritesSetting"/> and <see cref="IsVariableStore"/>.
    /// </summary>
    public ImmutableArray<OperationKind> WriteKinds
    {
        get
        {
            var kinds = ImmutableArray.CreateBuilder<OperationKind>();
            kinds.Add(OperationKind.SimpleAssignment);
            kinds.Add(OperationKind.DeconstructionAssignment);
            kinds.Add(OperationKind.VariableDeclarator);
            if (TracesBitwiseOperators)
            {
                kinds.Add(OperationKind.CompoundAssignment);
            }

            if ((CallsWithSettings & SettingCalls.Methods) != 0)
            {
                kinds.Add(OperationKind.Invocation);
            }

            if ((CallsWithSettings & SettingCalls.Constructors) != 0)
            {
                kinds.Add(OperationKind.ObjectCreation);
            }

            return kinds.ToImmutable();
        }
    }

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

    /// <summary>
    /// Returns false for a method or constructor none of whose parameters can be a setting. It runs for
    /// every call before the arguments are looked at, so it must be cheap.
    /// </summary>
    protected virtual bool MayTakeSettings(IMethodSymbol method) => true;

    /// <summary>
    /// Returns true when <paramref name="operation"/> writes a setting. It runs for every operation of
    /// <see cref="WriteKinds"/> in the compilation, so it allocates nothing, except for a deconstruction.
    /// </summary>
    public bool WritesSetting(IOperation operation) => FindWrites(operation, writes: null);

    /// <summary>
    /// Returns true when a value that <paramref name="operation"/> writes to a setting comes from a constant
    /// that the rule reports. A write that is the innermost write or store around a reported constant always
    /// reaches that constant itself, so a write for which this is false reports nothing.
    /// </summary>
    public bool WritesFinding(IOperation operation)
    {
        var writes = new List<SettingWrite>();
        FindWrites(operation, writes);
        foreach (var write in writes)
        {
            if (Sources.Find(write.Value).Exists(IsFinding))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the values that <paramref name="operation"/> writes to settings.</summary>
    public void AddWrites(IOperation operation, List<SettingWrite> writes) => FindWrites(operation, writes);

    /// <summary>
    /// Returns true for an operation that stores a value in a local or parameter in a way that
    /// <see cref="ConstantSources"/> follows back from a read: a declarator, <c>x = v</c>, a deconstruction,
    /// and <c>x |= v</c> where bitwise operators count.
    /// </summary>
    public bool IsVariableStore(IOperation operation)
    {
        switch (operation.Kind)
        {
            case OperationKind.VariableDeclarator:
            case OperationKind.DeconstructionAssignment:
                return true;
            case OperationKind.SimpleAssignment:
                return IsVariable(((ISimpleAssignmentOperation)operation).Target);
            case OperationKind.CompoundAssignment when TracesBitwiseOperators:
                var compound = (ICompoundAssignmentOperation)operation;
                return compound.OperatorKind == BinaryOperatorKind.Or && IsVariable(compound.Target);
            default:
                return false;
        }
    }

    /// <summary>
    /// Returns true when some constant inside <paramref name="operation"/> would be a finding if it reached a
    /// setting. It runs for every store to a local, so it walks the children without allocating. It skips
    /// calls, object initializers and functions: <see cref="ConstantSources"/> never looks into them, so a
    /// constant inside one is reported by a write or store inside it, or not at all.
    /// </summary>
    public bool ContainsFindingCandidate(IOperation operation)
    {
        if (Sources.IsConstant(operation) && IsFinding(new ConstantSource(operation, keptBits: ~0L)))
        {
            return true;
        }

        foreach (var child in operation.ChildOperations)
        {
            if (child is not (IInvocationOperation or IObjectOrCollectionInitializerOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
                && ContainsFindingCandidate(child))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns true for the fields and properties whose initializer <see cref="ConstantSources"/> follows
    /// from a read: constants, read-only or static fields and get-only properties of a setting's type.
    /// </summary>
    public bool IsTracedStorage(ISymbol symbol) => symbol switch
    {
        IFieldSymbol field => (field.IsConst || field.IsReadOnly || field.IsStatic) && IsSettingType(field.Type),
        IPropertySymbol property => property.SetMethod is null && IsSettingType(property.Type),
        _ => false,
    };

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

    /// <summary>
    /// Adds the values that <paramref name="operation"/> writes to settings to <paramref name="writes"/>,
    /// or, when <paramref name="writes"/> is null, stops at the first one. Returns true when there is one.
    /// </summary>
    private bool FindWrites(IOperation operation, List<SettingWrite>? writes)
    {
        // A switch on the kind is cheaper than a chain of interface type tests, and this runs for every
        // assignment and call of the compilation.
        switch (operation.Kind)
        {
            case OperationKind.SimpleAssignment:
                var assignment = (ISimpleAssignmentOperation)operation;
                return AddWrite(assignment.Target, assignment.Value, writes);

            // &= can only remove bits. ^= toggles bits whose earlier state is unknown, so it is not judged.
            case OperationKind.CompoundAssignment when TracesBitwiseOperators:
                var compound = (ICompoundAssignmentOperation)operation;
                return compound.OperatorKind == BinaryOperatorKind.Or && AddWrite(compound.Target, compound.Value, writes);
            case OperationKind.DeconstructionAssignment:
                return AddDeconstructionWrites((IDeconstructionAssignmentOperation)operation, writes);
            case OperationKind.Invocation when (CallsWithSettings & SettingCalls.Methods) != 0:
                var invocation = (IInvocationOperation)operation;
                return AddArgumentWrites(invocation.TargetMethod, invocation.Arguments, writes);
            case OperationKind.ObjectCreation when (CallsWithSettings & SettingCalls.Constructors) != 0:
                var creation = (IObjectCreationOperation)operation;
                return creation.Constructor is { } constructor && AddArgumentWrites(constructor, creation.Arguments, writes);
            default:
                return false;
        }
    }

    private bool AddDeconstructionWrites(IDeconstructionAssignmentOperation deconstruction, List<SettingWrite>? writes)
    {
        var found = false;
        foreach (var (target, value) in Deconstruction.Pairs(deconstruction.Target, deconstruction.Value))
        {
            found |= AddWrite(target, value, writes);
            if (found && writes is null)
            {
                return true;
            }
        }

        return found;
    }

    private bool AddWrite(IOperation target, IOperation value, List<SettingWrite>? writes)
    {
        if (SettingOf(target) is not { } setting)
        {
            return false;
        }

        writes?.Add(new SettingWrite(value, setting));
        return true;
    }

    private bool AddArgumentWrites(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, List<SettingWrite>? writes)
    {
        if (arguments.IsEmpty || !MayTakeSettings(method))
        {
            return false;
        }

        var found = false;
        foreach (var argument in arguments)
        {
            // The argument's value, with its implicit conversion, has the parameter's type. Reading the type
            // from the operation avoids the new ITypeSymbol that IParameterSymbol.Type creates for an
            // annotated type, and most arguments are dismissed by it.
            if (argument.ArgumentKind != ArgumentKind.DefaultValue
                && IsSettingType(argument.Value.Type)
                && argument.Parameter is { } parameter
                && IsSettingParameter(method, parameter))
            {
                if (writes is null)
                {
                    return true;
                }

                writes.Add(new SettingWrite(argument.Value, parameter));
                found = true;
            }
        }

        return found;
    }

    private static bool IsVariable(IOperation target) => target.Kind is OperationKind.LocalReference or OperationKind.ParameterReference;

    // The operation's type is the property's type. It is read from the operation because
    // IPropertySymbol.Type creates a new ITypeSymbol whenever the type carries a nullable annotation
    // (TypeSymbol.GetITypeSymbol in Roslyn's C# compiler), which every reference type does where nullable is on.
    private IPropertySymbol? SettingOf(IOperation target) =>
        target.Kind == OperationKind.PropertyReference
        && IsSettingType(target.Type)
        && target is IPropertyReferenceOperation { Property: { SetMethod: not null } property }
        && !SymbolEqualityComparer.Default.Equals(property.ContainingAssembly, sourceAssembly)
        && IsSettingProperty(property)
            ? property
            : null;
}
