using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace NetSecAnalyzers.Analyzers.Flow;

/// <summary>
/// One rule's findings in one member root: a method's or accessor's body, or a field's or property's
/// initializer. A finding is a constant inside the member's declaration that a write to a setting in the
/// root reaches, one per expression. A constant outside the member, such as a field's initializer, is
/// left to that field, which searches its file for writes that its initializer reaches. Each member reports
/// only what lies in its own declaration, so the IDE finds the diagnostic, and its fix, when it analyzes
/// that member alone.
/// </summary>
internal sealed class SettingMemberAnalysis<TFinding>
    where TFinding : ConstantFinding
{
    private SettingMemberAnalysis(List<(TFinding Finding, IOperation Reporter)> findings)
    {
        Findings = findings;
    }

    /// <summary>
    /// The findings in source order, each with the operation that reports it (see <see cref="ReporterOf"/>).
    /// In a traced field or property initializer, the initializer reports every finding.
    /// </summary>
    public IReadOnlyList<(TFinding Finding, IOperation Reporter)> Findings { get; }

    public static SettingMemberAnalysis<TFinding> Analyze(SettingCheck<TFinding> check, IOperation root, ISymbol member, CancellationToken cancellationToken)
    {
        var memberSpans = MemberSpans(member);
        var tracedInitializer = root is ISymbolInitializerOperation && check.IsTracedStorage(member) ? root : null;
        var found = new List<(TFinding Finding, IOperation Reporter)>();
        var writes = new List<(SettingWrite Write, IOperation Operation)>();
        AddWritesBelow(check, root, writes);
        foreach (var (write, operation) in writes)
        {
            AddFindingsInside(
                check,
                write,
                memberSpans,
                constant => tracedInitializer ?? ReporterOf(check, root, member, constant, operation),
                found);
        }

        if (tracedInitializer is ISymbolInitializerOperation initializer)
        {
            AddInitializerReachingSettings(check, initializer, found, cancellationToken);
        }

        // Findings are merged first so that each expression gets one diagnostic, whatever order the writes
        // were found in.
        found.Sort((left, right) => left.Finding.Expression.Syntax.SpanStart.CompareTo(right.Finding.Expression.Syntax.SpanStart));
        return new SettingMemberAnalysis<TFinding>(found);
    }

    /// <summary>
    /// Adds the writes to settings in <paramref name="operation"/> and below it, in the order of
    /// <see cref="OperationExtensions.DescendantsAndSelf"/>, each with the operation that makes it.
    /// </summary>
    private static void AddWritesBelow(SettingCheck<TFinding> check, IOperation operation, List<(SettingWrite Write, IOperation Operation)> writes)
    {
        if (check.WritesSetting(operation))
        {
            var found = new List<SettingWrite>();
            check.AddWrites(operation, found);
            foreach (var write in found)
            {
                writes.Add((write, operation));
            }
        }

        foreach (var child in operation.ChildOperations)
        {
            AddWritesBelow(check, child, writes);
        }
    }

    private static void AddInitializerReachingSettings(
        SettingCheck<TFinding> check,
        ISymbolInitializerOperation initializer,
        List<(TFinding Finding, IOperation Reporter)> found,
        CancellationToken cancellationToken)
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
            AddFindingsInside(check, write, spans, _ => initializer, found);
        }
    }

    private static void AddFindingsInside(
        SettingCheck<TFinding> check,
        SettingWrite write,
        IEnumerable<(SyntaxTree Tree, TextSpan Span)> spans,
        Func<IOperation, IOperation> reporterOf,
        List<(TFinding Finding, IOperation Reporter)> found)
    {
        foreach (var source in check.Sources.Find(write.Value))
        {
            if (check.IsFinding(source) && IsInside(source.Constant, spans))
            {
                AddOrMerge(check, found, check.CreateFinding(source, write), reporterOf(source.Constant));
            }
        }
    }

    /// <summary>
    /// Returns the operation that reports a constant: the innermost one around it that writes a setting or
    /// stores a value in a local (<see cref="SettingCheck{TFinding}.IsVariableStore"/>), or the default value
    /// of one of the member's parameters. The result depends on the constant alone, never on which write
    /// reached it, and the operation contains the constant, so the driver counts the diagnostic as local.
    /// <paramref name="write"/> reports the rare constant outside all of these, such as a default value of a
    /// local function's parameter, which the driver runs no action for. That diagnostic is not local, so the
    /// IDE may miss it when it analyzes only a span.
    /// </summary>
    private static IOperation ReporterOf(SettingCheck<TFinding> check, IOperation root, ISymbol member, IOperation constant, IOperation write)
    {
        for (var current = constant; current is not null; current = current.Parent)
        {
            if (check.WritesSetting(current) || check.IsVariableStore(current))
            {
                return current;
            }

            if (current is IParameterInitializerOperation { Parent: null } parameterDefault
                && SymbolEqualityComparer.Default.Equals(parameterDefault.Parameter.ContainingSymbol, member)
                && IsDeclarationOf(root, member))
            {
                return current;
            }
        }

        return write;
    }

    /// <summary>Returns true when <paramref name="root"/> is the operation of one of the member's declarations.</summary>
    private static bool IsDeclarationOf(IOperation root, ISymbol member)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == root.Syntax.SyntaxTree && reference.Span == root.Syntax.Span)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns true when two operations are the same, also when they come from two operation trees of one
    /// syntax tree, as a root found through the semantic model may.
    /// </summary>
    public static bool IsSame(IOperation left, IOperation right) =>
        left == right || (left.Kind == right.Kind && left.Syntax == right.Syntax);

    /// <summary>Merges a finding into the one for the same expression, which keeps its reporter, or adds it.</summary>
    private static void AddOrMerge(SettingCheck<TFinding> check, List<(TFinding Finding, IOperation Reporter)> found, TFinding finding, IOperation reporter)
    {
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i].Finding.Expression.Syntax == finding.Expression.Syntax)
            {
                found[i] = (check.Merge(found[i].Finding, finding), found[i].Reporter);
                return;
            }
        }

        found.Add((finding, reporter));
    }

    private static List<(SyntaxTree Tree, TextSpan Span)> MemberSpans(ISymbol member)
    {
        var spans = new List<(SyntaxTree, TextSpan)>();
        foreach (var reference in member.DeclaringSyntaxReferences)
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
