using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace NetSecAnalyzers.Analyzers.Tls;

/// <summary>
/// NETSEC001 for one member: collects the values its code writes to TLS settings, then reports the legacy
/// constants that lie inside the member. A legacy constant in a field or property initializer is reported
/// by that field or property, after it searches its file for writes that the initializer reaches.
/// </summary>
internal sealed class MemberAnalysis
{
    private readonly TlsSettings settings;
    private readonly LegacyValueFinder finder;
    private readonly TlsProtocolSymbols symbols;
    private readonly List<IOperation> valuesWritten = new();

    public MemberAnalysis(TlsSettings settings, LegacyValueFinder finder, TlsProtocolSymbols symbols)
    {
        this.settings = settings;
        this.finder = finder;
        this.symbols = symbols;
    }

    public void CollectWrite(OperationAnalysisContext context)
    {
        // The analyzer contract does not promise that one member's operation actions run one at a time.
        lock (valuesWritten)
        {
            settings.AddValuesWritten(context.Operation, valuesWritten);
        }
    }

    public void ReportLegacyValues(OperationBlockAnalysisContext context)
    {
        var memberSpans = MemberSpans(context);
        var found = new List<LegacyValue>();
        lock (valuesWritten)
        {
            foreach (var value in valuesWritten)
            {
                AddLegacyValuesInside(value, memberSpans, found);
            }
        }

        foreach (var block in context.OperationBlocks)
        {
            if (block is ISymbolInitializerOperation initializer && IsProtocolTyped(context.OwningSymbol))
            {
                AddInitializerReachingSettings(initializer, found, context.CancellationToken);
            }
        }

        // Values are merged first so that each expression gets one diagnostic naming every legacy protocol
        // that reaches a setting from it, whatever order the writes were collected in.
        found.Sort((left, right) => left.Expression.Syntax.SpanStart.CompareTo(right.Expression.Syntax.SpanStart));
        foreach (var legacy in found)
        {
            var syntax = legacy.Expression.Syntax;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.LegacyTlsProtocol,
                syntax.GetLocation(),
                DisplayText.Of(syntax),
                legacy.Protocol.DescribeLegacy(legacy.LegacyBits)));
        }
    }

    private void AddInitializerReachingSettings(ISymbolInitializerOperation initializer, List<LegacyValue> found, CancellationToken cancellationToken)
    {
        var spans = new[] { (initializer.Syntax.SyntaxTree, initializer.Syntax.Span) };
        if (!finder.Find(initializer.Value).Exists(legacy => IsInside(legacy, spans)) || initializer.SemanticModel is not { } model)
        {
            return;
        }

        var values = new List<IOperation>();
        settings.AddValuesWrittenInTree(model, values, cancellationToken);
        foreach (var value in values)
        {
            AddLegacyValuesInside(value, spans, found);
        }
    }

    private void AddLegacyValuesInside(IOperation value, IEnumerable<(SyntaxTree Tree, TextSpan Span)> spans, List<LegacyValue> found)
    {
        foreach (var legacy in finder.Find(value))
        {
            if (IsInside(legacy, spans))
            {
                LegacyValueFinder.AddOrMerge(found, legacy);
            }
        }
    }

    private bool IsProtocolTyped(ISymbol symbol) => symbol switch
    {
        IFieldSymbol field => symbols.Find(field.Type) is not null,
        IPropertySymbol property => symbols.Find(property.Type) is not null,
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

    private static bool IsInside(LegacyValue legacy, IEnumerable<(SyntaxTree Tree, TextSpan Span)> spans)
    {
        var syntax = legacy.Expression.Syntax;
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
