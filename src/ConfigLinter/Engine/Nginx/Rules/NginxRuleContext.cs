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
    /// pulled that file in as related locations.
    /// </summary>
    public void Report(RuleDefinition rule, string message, SourceLocation location, NginxDirective directive)
    {
        var related = directive.File.IncludeChain
            .Select(include => new RelatedLocation(include.Location, "\"" + directive.FilePath + "\" is read through this include"))
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
