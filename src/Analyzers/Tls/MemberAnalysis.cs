using System.Collections.Generic;
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
        // The driver may run one member's operation actions on several threads.
        lock (valuesWritten)
        {
            settings.AddValuesWritten(context.Operation, valuesWritten);
        }
    }

    public void ReportLegacyValues(OperationBlockAnalysisContext context)
    {
        var memberSpans = MemberSpans(context);
        var reported = new HashSet<Location>();
        lock (valuesWritten)
        {
            foreach (var value in valuesWritten)
            {
                foreach (var legacy in finder.Find(value))
                {
                    if (IsInside(legacy, memberSpans))
                    {
                        Report(context, legacy, reported);
                    }
                }
            }
        }

        foreach (var block in context.OperationBlocks)
        {
            if (block is ISymbolInitializerOperation initializer && IsProtocolTyped(context.OwningSymbol))
            {
                ReportInitializerReachingSettings(context, initializer, reported);
            }
        }
    }

    private void ReportInitializerReachingSettings(OperationBlockAnalysisContext context, ISymbolInitializerOperation initializer, HashSet<Location> reported)
    {
        var spans = new[] { (initializer.Syntax.SyntaxTree, initializer.Syntax.Span) };
        if (!finder.Find(initializer.Value).Exists(legacy => IsInside(legacy, spans)) || initializer.SemanticModel is not { } model)
        {
            return;
        }

        var values = new List<IOperation>();
        settings.AddValuesWrittenInTree(model, values, context.CancellationToken);
        foreach (var value in values)
        {
            foreach (var legacy in finder.Find(value))
            {
                if (IsInside(legacy, spans))
                {
                    Report(context, legacy, reported);
                }
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

    private static void Report(OperationBlockAnalysisContext context, LegacyValue legacy, HashSet<Location> reported)
    {
        var syntax = legacy.Expression.Syntax;
        var location = syntax.GetLocation();
        if (reported.Add(location))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.LegacyTlsProtocol,
                location,
                DisplayText.Of(syntax),
                legacy.Protocol.DescribeLegacy(legacy.LegacyBits)));
        }
    }
}
