using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetSecAnalyzers.Analyzers.Flow;

/// <summary>One rule's analysis of one compilation: a <see cref="SettingMemberAnalysis{TFinding}"/> per member.</summary>
internal sealed class SettingAnalysis<TFinding>
    where TFinding : ConstantFinding
{
    private static readonly ImmutableArray<OperationKind> WriteKinds = ImmutableArray.Create(
        OperationKind.SimpleAssignment,
        OperationKind.CompoundAssignment,
        OperationKind.DeconstructionAssignment);

    private readonly SettingCheck<TFinding> check;
    private readonly TestProjectScope scope;

    public SettingAnalysis(SettingCheck<TFinding> check, TestProjectScope scope)
    {
        this.check = check;
        this.scope = scope;
    }

    public void OnOperationBlockStart(OperationBlockStartAnalysisContext context)
    {
        if (context.OperationBlocks.IsEmpty || !scope.Includes(context.OperationBlocks[0].Syntax.SyntaxTree))
        {
            return;
        }

        var member = new SettingMemberAnalysis<TFinding>(check);
        context.RegisterOperationAction(member.CollectWrite, WriteKinds);
        if (check.HasSettingParameters)
        {
            context.RegisterOperationAction(member.CollectWrite, OperationKind.Invocation, OperationKind.ObjectCreation);
        }

        context.RegisterOperationBlockEndAction(member.ReportFindings);
    }
}
