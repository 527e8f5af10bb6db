using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace NetSecAnalyzers.Analyzers.Pipeline;

/// <summary>
/// Finds the pipeline roots of a compilation (<c>builder.Build()</c> calls and <c>Startup.Configure</c>
/// methods), reads each pipeline and hands it to one rule's check. Each rule registers its own actions, so
/// that one rule can be switched off without affecting the others, but a pipeline is read only once per
/// compilation: whichever rule reaches a root first reads it, and the others reuse the result.
/// </summary>
internal sealed class PipelineAnalysis
{
    private static readonly ConditionalWeakTable<Compilation, SharedPipelines> PerCompilation = new();

    private readonly SharedPipelines shared;
    private readonly PipelineSymbols symbols;
    private readonly TestProjectScope scope;
    private readonly Action<MiddlewarePipeline, PipelineOptions, Action<Diagnostic>> check;

    private PipelineAnalysis(SharedPipelines shared, PipelineSymbols symbols, TestProjectScope scope, Action<MiddlewarePipeline, PipelineOptions, Action<Diagnostic>> check)
    {
        this.shared = shared;
        this.symbols = symbols;
        this.scope = scope;
        this.check = check;
    }

    /// <summary>Registers the pipeline actions; does nothing when the compilation does not reference ASP.NET Core.</summary>
    public static void Register(CompilationStartAnalysisContext context, Action<MiddlewarePipeline, PipelineOptions, Action<Diagnostic>> check)
    {
        var shared = PerCompilation.GetValue(context.Compilation, compilation => new SharedPipelines(compilation));
        var symbols = shared.Symbols;
        if (symbols is null)
        {
            return;
        }

        var analysis = new PipelineAnalysis(shared, symbols, TestProjectScope.Create(context.Compilation, context.Options), check);
        if (symbols.WebApplication is not null)
        {
            context.RegisterOperationAction(analysis.OnInvocation, OperationKind.Invocation);
        }

        context.RegisterOperationBlockAction(analysis.OnOperationBlock);
    }

    private void OnInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!IsAppCreation(invocation.TargetMethod) || !scope.Includes(invocation.Syntax.SyntaxTree))
        {
            return;
        }

        var pipeline = MinimalHostingPipeline(invocation, context.Compilation, context.CancellationToken);
        check(pipeline, PipelineOptions.Read(context.Options, invocation.Syntax.SyntaxTree), context.ReportDiagnostic);
    }

    // Reading a pipeline is kept out of the action methods: a lambda there that captures the operation
    // allocates its closure on entry, for every call and every method of the project.
    private MiddlewarePipeline MinimalHostingPipeline(IInvocationOperation invocation, Compilation compilation, CancellationToken cancellationToken)
    {
        if (shared.Pipelines.TryGetValue(invocation.Syntax, out var pipeline))
        {
            return pipeline;
        }

        var root = PipelineRoot.ForMinimalHosting(invocation);
        var bodies = new SourceBodies(compilation, cancellationToken);
        return shared.Pipelines.GetOrAdd(invocation.Syntax, PipelineReader.Read(root, symbols, bodies, Array.Empty<IOperation>()));
    }

    private MiddlewarePipeline StartupPipeline(IMethodSymbol configure, IOperation body, Compilation compilation, CancellationToken cancellationToken)
    {
        if (shared.Pipelines.TryGetValue(body.Syntax, out var pipeline))
        {
            return pipeline;
        }

        var bodies = new SourceBodies(compilation, cancellationToken);
        var root = PipelineRoot.ForStartup(configure, configure.Parameters[0], body);
        return shared.Pipelines.GetOrAdd(body.Syntax, PipelineReader.Read(root, symbols, bodies, ServiceRegistrations(configure.ContainingType, bodies)));
    }

    private void OnOperationBlock(OperationBlockAnalysisContext context)
    {
        if (context.OwningSymbol is not IMethodSymbol { Name: "Configure", IsStatic: false, MethodKind: MethodKind.Ordinary } configure
            || configure.Parameters.Length == 0
            || !SymbolEqualityComparer.Default.Equals(configure.Parameters[0].Type, symbols.ApplicationBuilder)
            || !scope.Includes(configure.Locations[0].SourceTree!))
        {
            return;
        }

        var body = FindBody(context.OperationBlocks);
        if (body is null)
        {
            return;
        }

        var pipeline = StartupPipeline(configure, body, context.Compilation, context.CancellationToken);
        check(pipeline, PipelineOptions.Read(context.Options, configure.Locations[0].SourceTree!), context.ReportDiagnostic);
    }

    private bool IsAppCreation(IMethodSymbol method) =>
        (method.Name == "Build" && PipelineSymbols.IsDeclaredBy(method, symbols.WebApplicationBuilder))
        || (method.Name == "Create" && PipelineSymbols.IsDeclaredBy(method, symbols.WebApplication));

    private static IOperation? FindBody(IEnumerable<IOperation> blocks)
    {
        foreach (var block in blocks)
        {
            if (block is IMethodBodyOperation or IBlockOperation)
            {
                return block;
            }
        }

        return null;
    }

    private static IEnumerable<IOperation> ServiceRegistrations(INamedTypeSymbol startup, SourceBodies bodies)
    {
        foreach (var member in startup.GetMembers("ConfigureServices"))
        {
            if (member is IMethodSymbol method && bodies.TryGet(method) is { } body)
            {
                yield return body;
            }
        }
    }

    /// <summary>
    /// Symbols and pipelines of one compilation, shared by the pipeline rules. A pipeline is keyed by its
    /// root's syntax: the <c>Build()</c> or <c>Create()</c> call, or the <c>Configure</c> body.
    /// </summary>
    private sealed class SharedPipelines
    {
        public SharedPipelines(Compilation compilation)
        {
            Symbols = PipelineSymbols.TryCreate(compilation);
        }

        public PipelineSymbols? Symbols { get; }

        public ConcurrentDictionary<SyntaxNode, MiddlewarePipeline> Pipelines { get; } = new();
    }
}
