using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetSecAnalyzers.Benchmarks;

// The wrapper is no analyzer of its own: it hands the wrapped analyzer's own settings and registrations
// through, which the analyzer rules for attributes, configuration and start actions cannot see.
// The block context's public constructor is obsolete and leaves GetControlFlowGraph unset. None of the
// measured analyzers requests a control flow graph from a block start context.
#pragma warning disable RS1001, RS1012, RS1025, RS1026, CS0618

/// <summary>
/// Wraps an analyzer so that every callback it registers counts its invocations. Roslyn's telemetry counts
/// registered actions, not invocations, so the benchmark runs the wrapped analyzers once, untimed, to learn
/// how many calls each analyzer received, and divides the timed run's execution time by that number.
/// </summary>
/// <remarks>
/// The wrapper covers the registrations our analyzers and the peers make: compilation start and end,
/// operation and operation block actions and their start actions, symbol, syntax node, syntax tree,
/// semantic model and code block actions. Others throw, so a new kind of registration is noticed here.
/// </remarks>
internal sealed class CallCounter : DiagnosticAnalyzer
{
    private long calls;

    public CallCounter(DiagnosticAnalyzer inner)
    {
        Inner = inner;
    }

    public DiagnosticAnalyzer Inner { get; }

    public long Calls => Interlocked.Read(ref calls);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => Inner.Initialize(new CountingContext(context, this));

    private Action<T> Counted<T>(Action<T> action) => argument =>
    {
        Interlocked.Increment(ref calls);
        action(argument);
    };

    private sealed class CountingContext : AnalysisContext
    {
        private readonly AnalysisContext outer;
        private readonly CallCounter counter;

        public CountingContext(AnalysisContext outer, CallCounter counter)
        {
            this.outer = outer;
            this.counter = counter;
        }

        public override void EnableConcurrentExecution() => outer.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => outer.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            outer.RegisterCompilationStartAction(counter.Counted<CompilationStartAnalysisContext>(start => action(new CountingStartContext(start, counter))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => outer.RegisterCompilationAction(counter.Counted(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => outer.RegisterSemanticModelAction(counter.Counted(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            outer.RegisterSymbolAction(counter.Counted(action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            throw new NotSupportedException("Code block start actions are not counted yet.");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => outer.RegisterCodeBlockAction(counter.Counted(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => outer.RegisterSyntaxTreeAction(counter.Counted(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            outer.RegisterSyntaxNodeAction(counter.Counted(action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            outer.RegisterOperationAction(counter.Counted(action), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            outer.RegisterOperationBlockStartAction(counter.Counted<OperationBlockStartAnalysisContext>(start => action(new CountingBlockContext(start, counter))));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => outer.RegisterOperationBlockAction(counter.Counted(action));
    }

    private sealed class CountingStartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext outer;
        private readonly CallCounter counter;

        public CountingStartContext(CompilationStartAnalysisContext outer, CallCounter counter)
            : base(outer.Compilation, outer.Options, outer.CancellationToken)
        {
            this.outer = outer;
            this.counter = counter;
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => outer.RegisterCompilationEndAction(counter.Counted(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => outer.RegisterSemanticModelAction(counter.Counted(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            outer.RegisterSymbolAction(counter.Counted(action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            throw new NotSupportedException("Code block start actions are not counted yet.");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => outer.RegisterCodeBlockAction(counter.Counted(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => outer.RegisterSyntaxTreeAction(counter.Counted(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            outer.RegisterSyntaxNodeAction(counter.Counted(action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            outer.RegisterOperationAction(counter.Counted(action), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            outer.RegisterOperationBlockStartAction(counter.Counted<OperationBlockStartAnalysisContext>(start => action(new CountingBlockContext(start, counter))));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => outer.RegisterOperationBlockAction(counter.Counted(action));
    }

    private sealed class CountingBlockContext : OperationBlockStartAnalysisContext
    {
        private readonly OperationBlockStartAnalysisContext outer;
        private readonly CallCounter counter;

        public CountingBlockContext(OperationBlockStartAnalysisContext outer, CallCounter counter)
            : base(outer.OperationBlocks, outer.OwningSymbol, outer.Compilation, outer.Options, outer.CancellationToken)
        {
            this.outer = outer;
            this.counter = counter;
        }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            outer.RegisterOperationAction(counter.Counted(action), operationKinds);

        public override void RegisterOperationBlockEndAction(Action<OperationBlockAnalysisContext> action) =>
            outer.RegisterOperationBlockEndAction(counter.Counted(action));
    }
}
