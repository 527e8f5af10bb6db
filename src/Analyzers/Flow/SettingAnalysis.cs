using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace NetSecAnalyzers.Analyzers.Flow;

/// <summary>
/// One rule's analysis of one compilation. Every operation that can write a setting or store a constant in
/// a local gets one cheap test. Only a real write to a setting, or a store of a constant the rule would
/// report, makes its member root (a method body, or a field's or property's initializer) be analyzed, once,
/// by <see cref="SettingMemberAnalysis{TFinding}"/>.
/// </summary>
/// <remarks>
/// Each finding names the one operation that reports it, and that operation contains the finding's
/// location. So a finding is reported once, whatever order or how often the driver runs the actions.
/// When the IDE analyzes only a span, the driver runs the actions of the operations in that span, and the
/// operation around each finding in the span is among them. The driver also counts a diagnostic outside
/// the reporting operation as non-local, which would leave it without a code fix.
/// </remarks>
internal sealed class SettingAnalysis<TFinding>
    where TFinding : ConstantFinding
{
    private static readonly ImmutableArray<OperationKind> InitializerKinds =
        ImmutableArray.Create(OperationKind.FieldInitializer, OperationKind.PropertyInitializer);

    private readonly SettingCheck<TFinding> check;
    private readonly TestProjectScope scope;

    // Keyed by the root operation, so an entry lives as long as the driver keeps that operation tree. A
    // member's findings depend on nothing but its tree, so two threads that race compute the same thing.
    private readonly ConditionalWeakTable<IOperation, SettingMemberAnalysis<TFinding>> members = new();

    public SettingAnalysis(SettingCheck<TFinding> check, TestProjectScope scope)
    {
        this.check = check;
        this.scope = scope;
    }

    public void Register(CompilationStartAnalysisContext context)
    {
        context.RegisterOperationAction(AnalyzeWriteOrStore, check.WriteKinds);
        context.RegisterOperationAction(AnalyzeParameterDefault, OperationKind.ParameterInitializer);
        context.RegisterOperationAction(AnalyzeInitializer, InitializerKinds);
    }

    private void AnalyzeWriteOrStore(OperationAnalysisContext context)
    {
        // Most writes to settings write safe values, so a write is first judged on its own, and its member
        // is analyzed only when the write reaches a reported constant.
        var operation = context.Operation;
        var writesFinding = check.WritesSetting(operation) && check.WritesFinding(operation);
        if (!writesFinding && !(check.IsVariableStore(operation) && check.ContainsFindingCandidate(operation)))
        {
            return;
        }

        if (scope.Includes(operation.Syntax.SyntaxTree))
        {
            var member = MemberOf(OperationTree.Root(operation), context.ContainingSymbol, context.CancellationToken);
            Report(member, operation, context);
        }
    }

    /// <summary>
    /// Reports the findings in a parameter's default value. The writes that reach it are in the body of the
    /// parameter's method, which is another root, found through the method's declaration.
    /// </summary>
    private void AnalyzeParameterDefault(OperationAnalysisContext context)
    {
        var initializer = context.Operation;
        if (!check.ContainsFindingCandidate(initializer)
            || !scope.Includes(initializer.Syntax.SyntaxTree)
            || initializer.SemanticModel is not { } model)
        {
            return;
        }

        foreach (var reference in context.ContainingSymbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == model.SyntaxTree
                && model.GetOperation(reference.GetSyntax(context.CancellationToken), context.CancellationToken) is { Parent: null } body)
            {
                var member = MemberOf(body, context.ContainingSymbol, context.CancellationToken);
                Report(member, initializer, context);
            }
        }
    }

    /// <summary>
    /// Reports the findings of a field or property whose initializer a read can be traced to. A constant
    /// in such an initializer may be reached by a write anywhere in its file, so the initializer reports it.
    /// </summary>
    private void AnalyzeInitializer(OperationAnalysisContext context)
    {
        var initializer = context.Operation;
        if (!check.IsTracedStorage(context.ContainingSymbol) || !scope.Includes(initializer.Syntax.SyntaxTree))
        {
            return;
        }

        var member = MemberOf(initializer, context.ContainingSymbol, context.CancellationToken);
        Report(member, initializer, context);
    }

    private SettingMemberAnalysis<TFinding> MemberOf(IOperation root, ISymbol member, CancellationToken cancellationToken)
    {
        if (members.TryGetValue(root, out var analysis))
        {
            return analysis;
        }

        analysis = SettingMemberAnalysis<TFinding>.Analyze(check, root, member, cancellationToken);

        // Another thread may have stored its equal result in the meantime; either one serves.
        return members.GetValue(root, _ => analysis);
    }

    private void Report(SettingMemberAnalysis<TFinding> member, IOperation reporter, OperationAnalysisContext context)
    {
        foreach (var (finding, findingReporter) in member.Findings)
        {
            if (SettingMemberAnalysis<TFinding>.IsSame(findingReporter, reporter))
            {
                context.ReportDiagnostic(check.CreateDiagnostic(finding));
            }
        }
    }
}
