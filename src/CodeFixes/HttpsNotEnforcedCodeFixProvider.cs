using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.CodeFixes;

/// <summary>Adds <c>app.UseHttpsRedirection()</c> before static files, routing and endpoints.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HttpsNotEnforcedCodeFixProvider))]
[Shared]
public sealed class HttpsNotEnforcedCodeFixProvider : PipelineInsertionCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HttpsNotEnforced);

    protected override string Title => "Call UseHttpsRedirection() before static files and endpoints";

    protected override string EquivalenceKey => RuleIds.HttpsNotEnforced + ".UseHttpsRedirection";

    protected override IReadOnlyList<string> CreateStatements(Diagnostic diagnostic, string app, bool inProductionBlock) =>
        new[] { app + ".UseHttpsRedirection();" };
}
