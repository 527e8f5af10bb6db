using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using NetSecAnalyzers.Analyzers.Flow;

namespace NetSecAnalyzers.Analyzers.Ciphers;

/// <summary>One item of a suite collection, with the suites its value may be.</summary>
internal sealed class SuiteElement
{
    public SuiteElement(IOperation value, List<CipherSuiteMember> suites)
    {
        Value = value;
        Suites = suites;
    }

    /// <summary>The item as written in its collection, which a fix removes.</summary>
    public IOperation Value { get; }

    public List<CipherSuiteMember> Suites { get; }
}

/// <summary>
/// Finds the items of a <c>TlsCipherSuite</c> collection: array creations, collection expressions and their
/// spreads, collection initializers, <c>Add</c> and <c>AddRange</c> calls on a local list in the same
/// method, <c>ToArray</c> and <c>ToList</c> copies, and locals, read-only or static fields and get-only
/// properties whose value is one of these in the same file. Each item is traced to its constants the way
/// settings are. A collection built any other way, such as a parameter or a method's result, adds nothing.
/// </summary>
internal sealed class SuiteCollection
{
    // A bound on the chain of locals, fields and copies followed from one policy, against pathological input.
    private const int MaxDepth = 16;

    private static readonly ConstantSources ItemSources = new(tracesBitwiseOperators: false);

    private readonly CipherSuiteSymbols symbols;
    private readonly List<SuiteElement> elements = new();
    private readonly HashSet<IOperation> visited = new();
    private readonly HashSet<SyntaxNode> seenItems = new();
    private bool complete = true;

    private SuiteCollection(CipherSuiteSymbols symbols)
    {
        this.symbols = symbols;
    }

    /// <summary>
    /// Returns the items that <paramref name="collection"/> may contain, in the order they are written.
    /// <paramref name="complete"/> is false when part of the collection or an item's value could not be traced.
    /// </summary>
    public static List<SuiteElement> Read(IOperation collection, CipherSuiteSymbols symbols, out bool complete)
    {
        var reader = new SuiteCollection(symbols);
        reader.Visit(collection, depth: 0);
        complete = reader.complete;
        return reader.elements;
    }

    private void Visit(IOperation? operation, int depth)
    {
        if (operation is null || depth > MaxDepth)
        {
            complete = false;
            return;
        }

        if (!visited.Add(operation))
        {
            return;
        }

        depth++;
        switch (operation)
        {
            case IConversionOperation conversion:
                Visit(conversion.Operand, depth);
                break;
            case IArrayCreationOperation { Initializer: { } initializer }:
                Visit(initializer, depth);
                break;
            case IArrayInitializerOperation initializer:
                foreach (var item in initializer.ElementValues)
                {
                    AddItem(item);
                }

                break;
            case { Syntax: CollectionExpressionSyntax collectionExpression }:
                VisitCollectionExpression(operation, collectionExpression, depth);
                break;
            case IObjectCreationOperation creation:
                VisitListCreation(creation, depth);
                break;
            case IInvocationOperation invocation when IsCopy(invocation.TargetMethod):
                Visit(invocation.Instance ?? FirstArgument(invocation), depth);
                break;
            case ILocalReferenceOperation local:
                VisitLocal(local, depth);
                break;
            case IFieldReferenceOperation { Field: { IsReadOnly: true } or { IsStatic: true } } field:
                Visit(ConstantSources.DeclaredValue(field.Field, operation), depth);
                break;
            case IPropertyReferenceOperation { Property.SetMethod: null } property:
                Visit(ConstantSources.DeclaredValue(property.Property, operation), depth);
                break;
            default:
                complete = false;
                break;
        }
    }

    /// <summary>
    /// Reads <c>[A, ..other]</c> through its syntax, because the minimum supported Roslyn (4.8) has no
    /// operation type for collection expressions. Newer compilers give each element a child operation, in
    /// the order written. Those are used when their syntax matches, because reading a child is cheaper than a
    /// <see cref="SemanticModel.GetOperation"/> call per element.
    /// </summary>
    private void VisitCollectionExpression(IOperation collection, CollectionExpressionSyntax collectionExpression, int depth)
    {
        var model = collection.SemanticModel;
        if (model is null)
        {
            complete = false;
            return;
        }

        var children = collection.ChildOperations.GetEnumerator();
        foreach (var element in collectionExpression.Elements)
        {
            var child = children.MoveNext() ? children.Current : null;
            switch (element)
            {
                case ExpressionElementSyntax item when (NonImplicitOperation(child, item.Expression) ?? model.GetOperation(item.Expression)) is { } itemOperation:
                    AddItem(itemOperation);
                    break;
                case SpreadElementSyntax spread:
                    Visit(SpreadOperand(child, spread) ?? model.GetOperation(spread.Expression), depth);
                    break;
                default:
                    complete = false;
                    break;
            }
        }
    }

    /// <summary>
    /// Returns the operation that <see cref="SemanticModel.GetOperation"/> returns for
    /// <paramref name="syntax"/>, the one that is not implicit, when <paramref name="operation"/> is it or an
    /// implicit conversion of it; null otherwise.
    /// </summary>
    private static IOperation? NonImplicitOperation(IOperation? operation, SyntaxNode syntax)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion && conversion.Syntax == syntax)
        {
            operation = conversion.Operand;
        }

        return operation is { IsImplicit: false } && operation.Syntax == syntax ? operation : null;
    }

    private static IOperation? SpreadOperand(IOperation? spread, SpreadElementSyntax syntax)
    {
        if (spread is null || spread.Syntax != syntax)
        {
            return null;
        }

        foreach (var child in spread.ChildOperations)
        {
            if (NonImplicitOperation(child, syntax.Expression) is { } operand)
            {
                return operand;
            }
        }

        return null;
    }

    /// <summary>Reads <c>new List&lt;TlsCipherSuite&gt;(other) { A, B }</c>: the copied collection and the initializer's items.</summary>
    private void VisitListCreation(IObjectCreationOperation creation, int depth)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.Value.Type?.SpecialType != SpecialType.System_Int32)
            {
                Visit(argument.Value, depth);
            }
        }

        if (creation.Initializer is not { } initializer)
        {
            return;
        }

        foreach (var item in initializer.Initializers)
        {
            if (item is IInvocationOperation { Arguments.Length: 1 } add)
            {
                AddItem(add.Arguments[0].Value);
            }
        }
    }

    /// <summary>
    /// Follows the values that reach the read, then the <c>Add</c> and <c>AddRange</c> calls on the local
    /// anywhere in its method, since any of them may run before the policy is built.
    /// </summary>
    private void VisitLocal(ILocalReferenceOperation local, int depth)
    {
        var values = new List<(IOperation Value, long KeptBits)>();
        ReachingWrites.Collect(local, local.Local, values, out _);
        foreach (var (value, _) in values)
        {
            Visit(value, depth);
        }

        var body = OperationTree.Root(local);

        foreach (var descendant in body.Descendants())
        {
            if (descendant is IInvocationOperation { Instance: ILocalReferenceOperation target, Arguments.Length: 1 } call
                && SymbolEqualityComparer.Default.Equals(target.Local, local.Local))
            {
                if (call.TargetMethod.Name == "Add")
                {
                    AddItem(call.Arguments[0].Value);
                }
                else if (call.TargetMethod.Name == "AddRange")
                {
                    Visit(call.Arguments[0].Value, depth);
                }
            }
        }
    }

    private void AddItem(IOperation item)
    {
        if (!seenItems.Add(item.Syntax))
        {
            return;
        }

        var suites = new List<CipherSuiteMember>();
        foreach (var source in ItemSources.Find(item))
        {
            if (symbols.Find(source.Constant) is { } suite && !suites.Contains(suite))
            {
                suites.Add(suite);
            }
        }

        if (suites.Count == 0)
        {
            complete = false;
        }

        elements.Add(new SuiteElement(item, suites));
    }

    private static bool IsCopy(IMethodSymbol method) =>
        method.Name is "ToArray" or "ToList" or "AsEnumerable" or "ToHashSet";

    private static IOperation? FirstArgument(IInvocationOperation invocation) =>
        invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
}
