using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NetSecAnalyzers.Analyzers.RateLimiting;

/// <summary>
/// Reads minimal API endpoints: the route of a <c>Map...</c> call with the prefixes of the
/// <c>MapGroup</c> calls it is made on, and whether a rate-limiting convention is chained onto the
/// endpoint or one of its groups.
/// </summary>
internal sealed class MinimalApiRoutes
{
    private const string MapGroup = "MapGroup";

    // A bound on the groups and locals followed from one endpoint; real code stays far below it.
    private const int MaxDepth = 32;

    private static readonly Dictionary<string, string?> EndpointMethods = new(StringComparer.Ordinal)
    {
        ["Map"] = null,
        ["MapMethods"] = null,
        ["MapGet"] = "GET",
        ["MapPost"] = "POST",
        ["MapPut"] = "PUT",
        ["MapDelete"] = "DELETE",
        ["MapPatch"] = "PATCH",
    };

    private readonly RateLimitingSymbols symbols;

    public MinimalApiRoutes(RateLimitingSymbols symbols)
    {
        this.symbols = symbols;
    }

    /// <summary>
    /// Returns the endpoint that <paramref name="invocation"/> maps when its route, with the group
    /// prefixes, is a constant string, and null for any other call.
    /// </summary>
    public MappedEndpoint? TryRead(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!RateLimitingSymbols.Is(method.ContainingType, symbols.EndpointRouteBuilderExtensions)
            || !EndpointMethods.TryGetValue(method.Name, out var verb)
            || !TryGetPattern(invocation, out var pattern, out var patternSyntax))
        {
            return null;
        }

        var locals = ImmutableArray.CreateBuilder<ILocalSymbol>();
        var prefix = GroupPrefix(Receiver(invocation), locals, depth: 0, out var groupLimited);
        if (prefix is null)
        {
            return null;
        }

        var endpointLimited = FollowChainUpwards(invocation, locals);
        var route = Routes.Combine(prefix, pattern);
        return new MappedEndpoint(new EndpointRoute(route, verb, patternSyntax.GetLocation()), groupLimited || endpointLimited, locals.ToImmutable());
    }

    /// <summary>
    /// Returns the local that a statement such as <c>group.RequireRateLimiting("login")</c> limits, when
    /// <paramref name="invocation"/> is such a call on a local.
    /// </summary>
    public ILocalSymbol? LimitedLocal(IInvocationOperation invocation)
    {
        if (!IsRateLimitingConvention(invocation.TargetMethod))
        {
            return null;
        }

        var receiver = Receiver(invocation);
        while (receiver is IInvocationOperation chained && IsConvention(chained.TargetMethod))
        {
            receiver = Receiver(chained);
        }

        return receiver is ILocalReferenceOperation local ? local.Local : null;
    }

    public bool IsRateLimitingConvention(IMethodSymbol method) =>
        RateLimitingSymbols.Is(method.ContainingType, symbols.ConventionExtensions)
        && (method.Name == "RequireRateLimiting" || method.Name == "DisableRateLimiting");

    /// <summary>
    /// Returns the prefix that the groups below <paramref name="builder"/> add, "" for the application
    /// itself or a builder parameter, and null when a group's prefix is not a constant.
    /// </summary>
    private string? GroupPrefix(IOperation? builder, ImmutableArray<ILocalSymbol>.Builder locals, int depth, out bool limited)
    {
        limited = false;
        var prefix = string.Empty;
        var current = Unwrap(builder);
        for (; current is not null && depth < MaxDepth; depth++)
        {
            if (current is ILocalReferenceOperation local)
            {
                locals.Add(local.Local);
                current = Unwrap(Initializer(local.Local, current.SemanticModel));
            }
            else if (current is IInvocationOperation call && IsConvention(call.TargetMethod))
            {
                limited |= IsRateLimitingConvention(call.TargetMethod);
                current = Unwrap(Receiver(call));
            }
            else if (current is IInvocationOperation group && IsMapGroup(group.TargetMethod))
            {
                if (!TryGetPattern(group, out var groupPattern, out _))
                {
                    return null;
                }

                prefix = Routes.Combine(groupPattern, prefix);
                current = Unwrap(Receiver(group));
            }
            else
            {
                break;
            }
        }

        return prefix;
    }

    /// <summary>
    /// Follows the conventions chained onto the endpoint's builder and the local it is stored in;
    /// returns true when one of them is <c>RequireRateLimiting</c> or <c>DisableRateLimiting</c>.
    /// </summary>
    private bool FollowChainUpwards(IInvocationOperation invocation, ImmutableArray<ILocalSymbol>.Builder locals)
    {
        IOperation current = invocation;
        while (current.Parent is { } parent)
        {
            if (parent is IConversionOperation)
            {
                current = parent;
            }
            else if (parent is IArgumentOperation argument
                && argument.Parent is IInvocationOperation call
                && call.Arguments.Length > 0
                && ReferenceEquals(call.Arguments[0], argument)
                && IsConvention(call.TargetMethod))
            {
                if (IsRateLimitingConvention(call.TargetMethod))
                {
                    return true;
                }

                current = call;
            }
            else
            {
                if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
                {
                    locals.Add(declarator.Symbol);
                }

                break;
            }
        }

        return false;
    }

    private bool IsMapGroup(IMethodSymbol method) =>
        method.Name == MapGroup && RateLimitingSymbols.Is(method.ContainingType, symbols.EndpointRouteBuilderExtensions);

    /// <summary>
    /// An extension method that returns the builder it is called on, such as <c>WithName</c>,
    /// <c>RequireAuthorization</c> or <c>RequireRateLimiting</c>: generic over the builder type, with that
    /// type as both the first parameter and the return type.
    /// </summary>
    private static bool IsConvention(IMethodSymbol method)
    {
        if (!method.IsExtensionMethod || method.Parameters.Length == 0)
        {
            return false;
        }

        var definition = method.OriginalDefinition;
        return definition.Parameters[0].Type is ITypeParameterSymbol builderType
            && SymbolEqualityComparer.Default.Equals(definition.ReturnType, builderType);
    }

    /// <summary>The string given for the method's <c>pattern</c> or <c>prefix</c> parameter, when it is a constant.</summary>
    private static bool TryGetPattern(IInvocationOperation invocation, out string pattern, out SyntaxNode syntax)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Name: "pattern" or "prefix", Type.SpecialType: SpecialType.System_String }
                && argument.Value.ConstantValue is { HasValue: true, Value: string text })
            {
                pattern = text;
                syntax = argument.Value.Syntax;
                return true;
            }
        }

        pattern = string.Empty;
        syntax = invocation.Syntax;
        return false;
    }

    /// <summary>The builder an extension method is called on: its first argument.</summary>
    private static IOperation? Receiver(IInvocationOperation invocation) =>
        invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The initializer of a local declared with one, in the same file; null for any other local.</summary>
    private static IOperation? Initializer(ILocalSymbol local, SemanticModel? model)
    {
        var declarator = local.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax()).OfType<VariableDeclaratorSyntax>().FirstOrDefault();
        if (model is null || declarator?.Initializer is not { } initializer || declarator.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        return model.GetOperation(initializer.Value);
    }
}

/// <summary>A minimal API endpoint with its full route and what limits it.</summary>
internal sealed class MappedEndpoint
{
    public MappedEndpoint(EndpointRoute route, bool isLimited, ImmutableArray<ILocalSymbol> builderLocals)
    {
        Route = route;
        IsLimited = isLimited;
        BuilderLocals = builderLocals;
    }

    public EndpointRoute Route { get; }

    /// <summary>True when a rate-limiting convention is chained onto the endpoint or one of its groups.</summary>
    public bool IsLimited { get; }

    public ImmutableArray<ILocalSymbol> BuilderLocals { get; }
}
