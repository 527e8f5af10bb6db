using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using NetSecAnalyzers.Analyzers.Pipeline;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.CodeFixes;

/// <summary>
/// Adds <c>app.UseHsts()</c> outside development: into the pipeline's existing
/// <c>!IsDevelopment()</c> block, or in a new <c>if (!app.Environment.IsDevelopment())</c> block before
/// HTTPS redirection, static files and endpoints.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HstsNotEnabledCodeFixProvider))]
[Shared]
public sealed class HstsNotEnabledCodeFixProvider : PipelineInsertionCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HstsNotEnabled);

    protected override string Title => "Call UseHsts() outside development";

    protected override string EquivalenceKey => RuleIds.HstsNotEnabled + ".UseHsts";

    protected override bool PrefersProductionBlock => true;

    protected override string? RequiredNamespace(Diagnostic diagnostic, bool inProductionBlock) =>
        !inProductionBlock && diagnostic.Properties.ContainsKey(PipelineFinding.EnvironmentKey) ? "Microsoft.Extensions.Hosting" : null;

    protected override IReadOnlyList<string> CreateStatements(Diagnostic diagnostic, string app, bool inProductionBlock)
    {
        var call = app + ".UseHsts();";
        if (inProductionBlock || !diagnostic.Properties.TryGetValue(PipelineFinding.EnvironmentKey, out var environment) || environment is null)
        {
            return new[] { call };
        }

        return new[] { "if (!" + environment + ".IsDevelopment())\n{\n    " + call + "\n}" };
    }
}
