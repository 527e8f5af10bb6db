using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using NetSecAnalyzers.Analyzers.Pipeline;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.CodeFixes;

/// <summary>
/// Adds an inline middleware that sets the missing security headers on every response, before static
/// files, routing and endpoints. The values are common strict defaults for the team to adjust; the
/// Content-Security-Policy in particular has to allow what the app's pages load.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecurityHeadersMissingCodeFixProvider))]
[Shared]
public sealed class SecurityHeadersMissingCodeFixProvider : PipelineInsertionCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SecurityHeadersMissing);

    protected override string Title => "Add a middleware that sets the missing security headers";

    protected override string EquivalenceKey => RuleIds.SecurityHeadersMissing + ".AddHeaderMiddleware";

    protected override IReadOnlyList<string> CreateStatements(Diagnostic diagnostic, string app, bool inProductionBlock)
    {
        if (!diagnostic.Properties.TryGetValue(PipelineFinding.MissingHeadersKey, out var text)
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return new string[0];
        }

        var missing = (SecurityHeaders)number;
        var code = new StringBuilder();
        code.Append(app).Append(".Use(async (context, next) =>\n{\n");
        code.Append("    // Security headers for every response. Adjust Content-Security-Policy to what the pages load.\n");
        code.Append("    var headers = context.Response.Headers;\n");
        if (missing.HasFlag(SecurityHeaders.ContentTypeOptions))
        {
            code.Append("    headers[\"X-Content-Type-Options\"] = \"nosniff\";\n");
        }

        if (missing.HasFlag(SecurityHeaders.ContentSecurityPolicy))
        {
            code.Append("    headers[\"Content-Security-Policy\"] = \"default-src 'self'; frame-ancestors 'none'\";\n");
        }
        else if (missing.HasFlag(SecurityHeaders.FrameProtection))
        {
            code.Append("    headers[\"X-Frame-Options\"] = \"DENY\";\n");
        }

        if (missing.HasFlag(SecurityHeaders.ReferrerPolicy))
        {
            code.Append("    headers[\"Referrer-Policy\"] = \"strict-origin-when-cross-origin\";\n");
        }

        code.Append("    await next(context);\n});");
        return new[] { code.ToString() };
    }
}
