using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>The configuration a rule analyzes, the lint options, and the bag its findings go to.</summary>
internal sealed class NginxRuleContext
{
    private readonly DiagnosticBag diagnostics;

    public NginxRuleContext(NginxConfiguration configuration, LintOptions options, DiagnosticBag diagnostics)
    {
        Configuration = configuration;
        Options = options;
        this.diagnostics = diagnostics;
    }

    public NginxConfiguration Configuration { get; }

    public LintOptions Options { get; }

    /// <summary>
    /// Reports a finding in the file the directive is written in, with the <c>include</c> directives that
    /// pulled that file in as related locations. Their messages name no path, because the location already
    /// does, relative to the base folder, and an absolute path would leak into JSON and SARIF output.
    /// </summary>
    public void Report(RuleDefinition rule, string message, SourceLocation location, NginxDirective directive)
    {
        var chain = directive.File.IncludeChain;
        var related = chain
            .Select((include, index) => new RelatedLocation(
                include.Location,
                index == chain.Count - 1 ? "The file is included here" : "A file that leads to it is included here"))
            .ToArray();
        diagnostics.Report(new Finding(rule, message, location, related));
    }

    public void ReportInvalidValue(NginxToken token) =>
        diagnostics.Notify(new LintNotification(
            NginxNotificationCodes.InvalidValue,
            NotificationLevel.Error,
            "invalid value \"" + token.Text + "\"",
            token.Location));
}
