using System;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>
/// NETSEC021 in nginx: OCSP stapling on for an http or stream server while nginx does not verify the OCSP
/// responses it fetches, either through <c>ssl_stapling_verify off</c> or because no level sets
/// <c>ssl_stapling_verify</c>, whose default is off.
/// </summary>
internal sealed class RevocationCheckDisabledRule : INginxRule
{
    private const string Stapling = "ssl_stapling";

    /// <summary>The directives this rule judges.</summary>
    internal static readonly string[] StaplingDirectives = { "ssl_stapling", "ssl_stapling_verify" };
    private const string StaplingVerify = "ssl_stapling_verify";
    private const string StaplingFile = "ssl_stapling_file";
    // nginx still staples the unverified responses, so the message states that instead of claiming revocation checks are off.
    private const string Unverified = " staples OCSP responses without verifying them";
    private const string Remedy = "set ssl_stapling_verify on with ssl_trusted_certificate";

    public RuleDefinition Rule => RuleCatalog.RevocationCheckDisabled;

    public void Analyze(NginxRuleContext context)
    {
        var configuration = context.Configuration;
        foreach (var directive in context.Index.Named(StaplingDirectives))
        {
            if (directive.Name == StaplingVerify
                && NginxFlags.IsOff(directive)
                && Reaches(configuration, directive, block => StaplesFromResponder(configuration, block)))
            {
                Report(context, directive, directive.ToDisplayString());
            }
            else if (directive.Name == Stapling
                && NginxFlags.IsOn(directive)
                && Reaches(configuration, directive, block => LeavesVerifyAtDefault(configuration, block)))
            {
                Report(context, directive, directive.ToDisplayString() + " without ssl_stapling_verify on");
            }
        }
    }

    private void Report(NginxRuleContext context, NginxDirective directive, string subject) =>
        context.Report(Rule, Rule.FormatMessage(subject + Unverified, Remedy), directive.Arguments[0].Location, directive);

    /// <summary>The stapling directives are allowed only in http or stream and in their servers.</summary>
    private static bool Reaches(NginxConfiguration configuration, NginxDirective directive, Func<NginxDirective?, bool> condition) =>
        NginxInheritance.LevelOf(configuration, directive) is DirectiveLevel.Container or DirectiveLevel.Server
        && NginxInheritance.BlocksReached(configuration, directive).Any(condition);

    /// <summary>
    /// Returns whether nginx fetches OCSP responses from the responder for a block. With
    /// <c>ssl_stapling_file</c> it staples that file's response and never queries a responder, so
    /// <c>ssl_stapling_verify</c> has nothing to verify.
    /// </summary>
    private static bool StaplesFromResponder(NginxConfiguration configuration, NginxDirective? block) =>
        NginxFlags.IsOn(NginxInheritance.Find(configuration, block, Stapling))
        && NginxInheritance.Find(configuration, block, StaplingFile) is null;

    private static bool LeavesVerifyAtDefault(NginxConfiguration configuration, NginxDirective? block) =>
        NginxInheritance.Find(configuration, block, StaplingVerify) is null
        && NginxInheritance.Find(configuration, block, StaplingFile) is null;
}
