using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace NetSecAnalyzers.Analyzers.Flow;

/// <summary>
/// One rule for one member: collects the values its code writes to settings, then reports the constants
/// that lie inside the member. A constant in a field or property initializer is reported by that field or
/// property, after it searches its file for writes that the initializer reaches. Each member reports only
/// what lies in its own declaration, so the IDE finds the diagnostic, and its fix, when it analyzes that
/// member alone.
/// </summary>
internal sealed class SettingMemberAnalysis<TFinding>
    where TFinding : ConstantFinding
{
    // Most operations write no setting, so each thread collects into one scratch list, and a member's own
    // list exists only once it has a write.
    [ThreadStatic]
    private static List<SettingWrite>? scratch;

    private readonly SettingCheck<TFinding> check;
    private readonly object gate = new();
    private List<SettingWrite>? writes;

    public SettingMemberAnalysis(SettingCheck<TFinding> check)
    {
        this.check = check;
    }

    public void CollectWrite(OperationAnalysisContext context)
    {
        var found = scratch ??= new List<SettingWrite>();
        found.Clear();
        check.AddWrites(context.Operation, found);
        if (found.Count == 0)
        {
            return;
        }

        // The analyzer contract does not promise that one member's operation actions run one at a time.
        lock (gate)
        {
            (writes ??= new List<SettingWrite>()).AddRange(found);
        }

        // The scratch list is static, so it must not keep a compilation's operations alive.
        found.Clear();
    }

    public void ReportFindings(OperationBlockAnalysisContext context)
    {
        // Most members write no setting and initialize no traced storage: they return here without
        // building their spans or a finding list.
        List<SettingWrite>? collected;
        lock (gate)
        {
            collected = writes;
        }

        var hasTracedInitializer = HasTracedInitializer(context);
        if (collected is null && !hasTracedInitializer)
        {
            return;
        }

        var found = new List<TFinding>();
        if (collected is not null)
        {
            var memberSpans = MemberSpans(context);
            lock (gate)
            {
                foreach (var write in collected)
                {
                    AddFindingsInside(write, memberSpans, found);
                }
            }
        }

        if (hasTracedInitializer)
        {
            foreach (var block in context.OperationBlocks)
            {
                if (block is ISymbolInitializerOperation initializer)
                {
                    AddInitializerReachingSettings(initializer, found, context.CancellationToken);
                }
            }
        }

        // Findings are merged first so that each expression gets one diagnostic, whatever order the writes
        // were collected in.
        found.Sort((left, right) => left.Expression.Syntax.SpanStart.CompareTo(right.Expression.Syntax.SpanStart));
        foreach (var finding in found)
        {
            context.ReportDiagnostic(check.CreateDiagnostic(finding));
        }
    }

    private void AddInitializerReachingSettings(ISymbolInitializerOperation initializer, List<TFinding> found, CancellationToken cancellationToken)
    {
        var spans = new[] { (initializer.Syntax.SyntaxTree, initializer.Syntax.Span) };
        if (!check.Sources.Find(initializer.Value).Exists(source => check.IsFinding(source) && IsInside(source.Constant, spans))
            || initializer.SemanticModel is not { } model)
        {
            return;
        }

        var treeWrites = new List<SettingWrite>();
        check.AddWritesInTree(model, treeWrites, cancellationToken);
        foreach (var write in treeWrites)
        {
            AddFindingsInside(write, spans, found);
        }
    }

    private void AddFindingsInside(SettingWrite write, IEnumerable<(SyntaxTree Tree, TextSpan Span)> spans, List<TFinding> found)
    {
        foreach (var source in check.Sources.Find(write.Value))
        {
            if (check.IsFinding(source) && IsInside(source.Constant, spans))
            {
                AddOrMerge(found, check.CreateFinding(source, write));
            }
        }
    }

    private void AddOrMerge(List<TFinding> found, TFinding finding)
    {
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i].Expression.Syntax == finding.Expression.Syntax)
            {
                found[i] = check.Merge(found[i], finding);
                return;
            }
        }

        found.Add(finding);
    }

    private bool HasTracedInitializer(OperationBlockAnalysisContext context)
    {
        foreach (var block in context.OperationBlocks)
        {
            if (block is ISymbolInitializerOperation)
            {
                return IsTracedStorage(context.OwningSymbol);
            }
        }

        return false;
    }

    /// <summary>
    /// Returns true for the fields and properties whose initializer <see cref="ConstantSources"/> follows
    /// from a read: constants, read-only or static fields and get-only properties of a setting's type.
    /// </summary>
    private bool IsTracedStorage(ISymbol symbol) => symbol switch
    {
        IFieldSymbol field => (field.IsConst || field.IsReadOnly || field.IsStatic) && check.IsSettingType(field.Type),
        IPropertySymbol property => property.SetMethod is null && check.IsSettingType(property.Type),
        _ => false,
    };

    private static List<(SyntaxTree Tree, TextSpan Span)> MemberSpans(OperationBlockAnalysisContext context)
    {
        var spans = new List<(SyntaxTree, TextSpan)>();
        foreach (var reference in context.OwningSymbol.DeclaringSyntaxReferences)
        {
            spans.Add((reference.SyntaxTree, reference.Span));
        }

        return spans;
    }

    private static bool IsInside(IOperation expression, IEnumerable<(SyntaxTree Tree, TextSpan Span)> spans)
    {
        var syntax = expression.Syntax;
        foreach (var (tree, span) in spans)
        {
            if (tree == syntax.SyntaxTree && span.Contains(syntax.Span))
            {
                return true;
            }
        }

        return false;
    }
}
