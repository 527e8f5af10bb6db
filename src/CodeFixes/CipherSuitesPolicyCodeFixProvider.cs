using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetSecAnalyzers.Analyzers.Ciphers;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.CodeFixes;

/// <summary>
/// Removes the reported suites from their collections. When they are all the policy has, it removes the
/// policy's assignment instead, because an empty policy allows no suite at all and a missing one lets the
/// platform choose. The fix is offered only when every reported suite is written in the diagnostic's
/// document, and, for a whole policy, when the policy is assigned in a statement or an object initializer.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CipherSuitesPolicyCodeFixProvider))]
[Shared]
public sealed class CipherSuitesPolicyCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.BrokenCipherSuites, RuleIds.CipherSuitesWithoutForwardSecrecy);

    // Fixes of one document are applied together, so that a suite two policies share is removed once.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (NodesToRemove(root, diagnostic) is not { } nodes)
            {
                continue;
            }

            var title = diagnostic.Properties.ContainsKey(CipherSuitesPolicyCheck.NothingRemainsProperty)
                ? "Remove the cipher suites policy"
                : diagnostic.Id == RuleIds.BrokenCipherSuites ? "Remove the broken cipher suites" : "Remove the weak cipher suites";
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(Remove(root, nodes))),
                    diagnostic.Id + ".RemoveSuites"),
                diagnostic);
        }
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return null;
        }

        var nodes = new List<SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            nodes.AddRange(NodesToRemove(root, diagnostic) ?? Enumerable.Empty<SyntaxNode>());
        }

        return document.WithSyntaxRoot(Remove(root, nodes));
    }

    /// <summary>Returns what the fix removes for one diagnostic, or null when it does not apply.</summary>
    private static List<SyntaxNode>? NodesToRemove(SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.Properties.ContainsKey(CipherSuitesPolicyCheck.NothingRemainsProperty))
        {
            return PolicyAssignment(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)) is { } assignment
                ? new List<SyntaxNode> { assignment }
                : null;
        }

        var nodes = new List<SyntaxNode>();
        foreach (var location in diagnostic.AdditionalLocations)
        {
            if (location.SourceTree != root.SyntaxTree
                || ListItem(root.FindNode(location.SourceSpan, getInnermostNodeForTie: true)) is not { } item)
            {
                return null;
            }

            nodes.Add(item);
        }

        return nodes.Count > 0 ? nodes : null;
    }

    /// <summary>Returns the statement or object-initializer member that assigns the policy created by <paramref name="creation"/>.</summary>
    private static SyntaxNode? PolicyAssignment(SyntaxNode creation)
    {
        if (creation.Parent is not AssignmentExpressionSyntax assignment || assignment.Right != creation)
        {
            return null;
        }

        return assignment.Parent switch
        {
            ExpressionStatementSyntax statement => statement,
            InitializerExpressionSyntax => assignment,
            _ => null,
        };
    }

    /// <summary>
    /// Returns the node that contains one suite in its collection: the element of a collection expression, the item of
    /// an array or collection initializer, or the statement of an <c>Add</c> call.
    /// </summary>
    private static SyntaxNode? ListItem(SyntaxNode item) => item.Parent switch
    {
        ExpressionElementSyntax element => element,
        InitializerExpressionSyntax => item,
        ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Parent: ExpressionStatementSyntax statement } } } =>
            statement,
        _ => null,
    };

    /// <summary>Removes the nodes, skipping repeats and nodes inside another removed node.</summary>
    private static SyntaxNode Remove(SyntaxNode root, IEnumerable<SyntaxNode> nodes)
    {
        var distinct = nodes.Distinct().ToList();
        var outermost = distinct.Where(node => !distinct.Any(other => other != node && other.Span.Contains(node.Span))).ToList();
        return root.RemoveNodes(outermost, SyntaxRemoveOptions.KeepNoTrivia) ?? root;
    }
}
