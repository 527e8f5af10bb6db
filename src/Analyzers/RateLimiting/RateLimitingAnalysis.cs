using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.Analyzers.RateLimiting;

/// <summary>
/// NETSEC070's state for one compilation. Endpoints are collected as the compilation is analyzed and
/// judged at its end, because a global limiter, a policy name or a <c>RequireRateLimiting</c> call on a
/// group variable may be written anywhere in the project.
/// </summary>
internal sealed class RateLimitingAnalysis
{
    /// <summary>The diagnostic property that carries the one policy name the code fix may use.</summary>
    public const string PolicyNameProperty = "PolicyName";

    private readonly RateLimitingSymbols symbols;
    private readonly MinimalApiRoutes minimalApis;
    private readonly ControllerRoutes controllers;
    private readonly TestProjectScope scope;
    private readonly AnalyzerConfigOptionsProvider options;

    private readonly ConcurrentQueue<EndpointCandidate> candidates = new();
    private readonly ConcurrentQueue<INamedTypeSymbol> possibleControllers = new();
    private readonly ConcurrentDictionary<ILocalSymbol, byte> limitedLocals = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, byte> policyNames = new();
    private int setsGlobalLimiter;
    private int usesRateLimiter;

    public RateLimitingAnalysis(RateLimitingSymbols symbols, TestProjectScope scope, AnalyzerConfigOptionsProvider options)
    {
        this.symbols = symbols;
        this.scope = scope;
        this.options = options;
        minimalApis = new MinimalApiRoutes(symbols);
        controllers = new ControllerRoutes(symbols);
    }

    public void OnInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!symbols.DeclaresRelevantMethod(method.ContainingType))
        {
            return;
        }

        if (RateLimitingSymbols.Is(method.ContainingType, symbols.ApplicationBuilderExtensions) && method.Name == "UseRateLimiter")
        {
            Interlocked.Exchange(ref usesRateLimiter, 1);
            return;
        }

        if (PolicyName(invocation) is { } policy)
        {
            policyNames.TryAdd(policy, 0);
            return;
        }

        if (minimalApis.LimitedLocal(invocation) is { } local)
        {
            limitedLocals.TryAdd(local, 0);
            return;
        }

        var endpoint = minimalApis.TryRead(invocation);
        if (endpoint is not null && !endpoint.IsLimited && IsAuthentication(endpoint.Route.Route, invocation.Syntax.SyntaxTree))
        {
            candidates.Enqueue(new EndpointCandidate(endpoint.Route, isMinimalApi: true, endpoint.BuilderLocals));
        }
    }

    public void OnAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "GlobalLimiter" } target
            && RateLimitingSymbols.Is(target.Property.ContainingType, symbols.RateLimiterOptions)
            && assignment.Value.ConstantValue is not { HasValue: true, Value: null })
        {
            Interlocked.Exchange(ref setsGlobalLimiter, 1);
        }
    }

    /// <summary>
    /// Collects the classes that may be controllers. Their routes are read at the end of the compilation:
    /// the driver raises a type's symbol event before the compiler has bound the attributes of its
    /// methods, so reading the routes here made this rule bind every action's attributes itself.
    /// </summary>
    public void OnNamedType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (ControllerRoutes.MayBeController(type))
        {
            possibleControllers.Enqueue(type);
        }
    }

    public void OnCompilationEnd(CompilationAnalysisContext context)
    {
        // The global limiter only runs when the middleware is in the pipeline.
        if (setsGlobalLimiter == 1 && usesRateLimiter == 1)
        {
            return;
        }

        foreach (var type in possibleControllers)
        {
            AddControllerCandidates(type);
        }

        var properties = policyNames.Count == 1
            ? ImmutableDictionary<string, string?>.Empty.Add(PolicyNameProperty, policyNames.Keys.Single())
            : ImmutableDictionary<string, string?>.Empty;
        foreach (var candidate in candidates)
        {
            if (candidate.BuilderLocals.Any(limitedLocals.ContainsKey))
            {
                continue;
            }

            var diagnosticProperties = candidate.IsMinimalApi ? properties : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.AuthenticationEndpointWithoutRateLimiting, candidate.Route.Location, diagnosticProperties, candidate.Route.Subject));
        }
    }

    private void AddControllerCandidates(INamedTypeSymbol type)
    {
        if (controllers.UnlimitedActions(type) is not { } actions)
        {
            return;
        }

        foreach (var action in actions)
        {
            if (action.Location.SourceTree is { } tree && IsAuthentication(action.Route, tree))
            {
                candidates.Enqueue(new EndpointCandidate(action, isMinimalApi: false, ImmutableArray<ILocalSymbol>.Empty));
            }
        }
    }

    private bool IsAuthentication(string route, SyntaxTree tree)
    {
        if (!scope.Includes(tree))
        {
            return false;
        }

        var treeOptions = options.GetOptions(tree);
        if ((treeOptions.TryGetValue(AuthenticationPaths.SettingKey, out var text) || options.GlobalOptions.TryGetValue(AuthenticationPaths.SettingKey, out text))
            && AuthenticationPaths.TryParse(text, out var patterns))
        {
            return new AuthenticationPaths(patterns!).Matches(route);
        }

        return AuthenticationPaths.Default.Matches(route);
    }

    /// <summary>The constant name of a policy registered with <c>AddPolicy</c> or a helper such as <c>AddFixedWindowLimiter</c>.</summary>
    private string? PolicyName(IInvocationOperation invocation)
    {
        var type = invocation.TargetMethod.ContainingType;
        if (!RateLimitingSymbols.Is(type, symbols.RateLimiterOptions) && !RateLimitingSymbols.Is(type, symbols.RateLimiterOptionsExtensions))
        {
            return null;
        }

        var argument = invocation.Arguments.FirstOrDefault(candidate => candidate.Parameter?.Name == "policyName");
        return argument?.Value.ConstantValue is { HasValue: true, Value: string name } ? name : null;
    }
}
