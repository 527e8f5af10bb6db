using System.IO;
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
    /// pulled that file in as related locations, outermost first. Each names the file it includes by file
    /// name only, because an absolute path would differ between machines and the location already shows
    /// where the include is.
    /// </summary>
    public void Report(RuleDefinition rule, string message, SourceLocation location, NginxDirective directive)
    {
        var chain = directive.File.IncludeChain;
        var related = new RelatedLocation[chain.Count];
        for (var i = 0; i < chain.Count; i++)
        {
            var includedFile = i + 1 < chain.Count ? chain[i + 1].FilePath : directive.FilePath;
            related[i] = new RelatedLocation(chain[i].Location, "\"" + Path.GetFileName(includedFile) + "\" is included here");
        }

        diagnostics.Report(new Finding(rule, message, location, related));
    }

    public void ReportInvalidValue(NginxToken token) =>
        ReportInvalidValue(token, "invalid value \"" + token.Text + "\"");

    /// <summary>Reports a value nginx rejects at start-up, with the message nginx would give.</summary>
    public void ReportInvalidValue(NginxToken token, string message) =>
        diagnostics.Notify(new LintNotification(
            NginxNotificationCodes.InvalidValue,
            NotificationLevel.Error,
            message,
            token.Location));
}
