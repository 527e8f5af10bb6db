using Microsoft.CodeAnalysis;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.Analyzers;

/// <summary>
/// The Roslyn descriptors of the C# rules. Text comes from the catalogue; the ID, category and severity
/// are written as constants here because release tracking (RS2008) reads them from the constructor call.
/// A test checks that they agree with the catalogue.
/// </summary>
internal static class Descriptors
{
    public static readonly DiagnosticDescriptor LegacyTlsProtocol = new(
        RuleIds.LegacyTlsProtocol,
        RuleCatalog.LegacyTlsProtocol.Title,
        RuleCatalog.LegacyTlsProtocol.MessageFormat,
        RuleCatalog.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: RuleCatalog.LegacyTlsProtocol.Description,
        helpLinkUri: RuleCatalog.LegacyTlsProtocol.HelpUri,
        customTags: CustomTags(RuleCatalog.LegacyTlsProtocol));

    public static readonly DiagnosticDescriptor BrokenCipherSuites = new(
        RuleIds.BrokenCipherSuites,
        RuleCatalog.BrokenCipherSuites.Title,
        RuleCatalog.BrokenCipherSuites.MessageFormat,
        RuleCatalog.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: RuleCatalog.BrokenCipherSuites.Description,
        helpLinkUri: RuleCatalog.BrokenCipherSuites.HelpUri,
        customTags: CustomTags(RuleCatalog.BrokenCipherSuites));

    public static readonly DiagnosticDescriptor CipherSuitesWithoutForwardSecrecy = new(
        RuleIds.CipherSuitesWithoutForwardSecrecy,
        RuleCatalog.CipherSuitesWithoutForwardSecrecy.Title,
        RuleCatalog.CipherSuitesWithoutForwardSecrecy.MessageFormat,
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: RuleCatalog.CipherSuitesWithoutForwardSecrecy.Description,
        helpLinkUri: RuleCatalog.CipherSuitesWithoutForwardSecrecy.HelpUri,
        customTags: CustomTags(RuleCatalog.CipherSuitesWithoutForwardSecrecy));

    public static readonly DiagnosticDescriptor CertificateValidationDisabled = new(
        RuleIds.CertificateValidationDisabled,
        RuleCatalog.CertificateValidationDisabled.Title,
        RuleCatalog.CertificateValidationDisabled.MessageFormat,
        RuleCatalog.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: RuleCatalog.CertificateValidationDisabled.Description,
        helpLinkUri: RuleCatalog.CertificateValidationDisabled.HelpUri,
        customTags: CustomTags(RuleCatalog.CertificateValidationDisabled));

    public static readonly DiagnosticDescriptor RevocationCheckDisabled = new(
        RuleIds.RevocationCheckDisabled,
        RuleCatalog.RevocationCheckDisabled.Title,
        RuleCatalog.RevocationCheckDisabled.MessageFormat,
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: RuleCatalog.RevocationCheckDisabled.Description,
        helpLinkUri: RuleCatalog.RevocationCheckDisabled.HelpUri,
        customTags: CustomTags(RuleCatalog.RevocationCheckDisabled));

    public static readonly DiagnosticDescriptor ClearTextHttpToRemoteHost = new(
        RuleIds.ClearTextHttpToRemoteHost,
        RuleCatalog.ClearTextHttpToRemoteHost.Title,
        RuleCatalog.ClearTextHttpToRemoteHost.MessageFormat,
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: RuleCatalog.ClearTextHttpToRemoteHost.Description,
        helpLinkUri: RuleCatalog.ClearTextHttpToRemoteHost.HelpUri,
        customTags: CustomTags(RuleCatalog.ClearTextHttpToRemoteHost));

    public static readonly DiagnosticDescriptor HttpsNotEnforced = new(
        RuleIds.HttpsNotEnforced,
        RuleCatalog.HttpsNotEnforced.Title,
        RuleCatalog.HttpsNotEnforced.MessageFormat,
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: RuleCatalog.HttpsNotEnforced.Description,
        helpLinkUri: RuleCatalog.HttpsNotEnforced.HelpUri,
        customTags: CustomTags(RuleCatalog.HttpsNotEnforced));

    public static readonly DiagnosticDescriptor HstsNotEnabled = new(
        RuleIds.HstsNotEnabled,
        RuleCatalog.HstsNotEnabled.Title,
        RuleCatalog.HstsNotEnabled.MessageFormat,
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: RuleCatalog.HstsNotEnabled.Description,
        helpLinkUri: RuleCatalog.HstsNotEnabled.HelpUri,
        customTags: CustomTags(RuleCatalog.HstsNotEnabled));

    public static readonly DiagnosticDescriptor HstsPolicyTooWeak = new(
        RuleIds.HstsPolicyTooWeak,
        RuleCatalog.HstsPolicyTooWeak.Title,
        RuleCatalog.HstsPolicyTooWeak.MessageFormat,
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: RuleCatalog.HstsPolicyTooWeak.Description,
        helpLinkUri: RuleCatalog.HstsPolicyTooWeak.HelpUri,
        customTags: CustomTags(RuleCatalog.HstsPolicyTooWeak));

    public static readonly DiagnosticDescriptor SecurityHeadersMissing = new(
        RuleIds.SecurityHeadersMissing,
        RuleCatalog.SecurityHeadersMissing.Title,
        RuleCatalog.SecurityHeadersMissing.MessageFormat,
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: RuleCatalog.SecurityHeadersMissing.Description,
        helpLinkUri: RuleCatalog.SecurityHeadersMissing.HelpUri,
        customTags: CustomTags(RuleCatalog.SecurityHeadersMissing));

    public static readonly DiagnosticDescriptor ServerVersionDisclosed = new(
        RuleIds.ServerVersionDisclosed,
        RuleCatalog.ServerVersionDisclosed.Title,
        RuleCatalog.ServerVersionDisclosed.MessageFormat,
        RuleCatalog.Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: RuleCatalog.ServerVersionDisclosed.Description,
        helpLinkUri: RuleCatalog.ServerVersionDisclosed.HelpUri,
        customTags: CustomTags(RuleCatalog.ServerVersionDisclosed));

    // Reported at the end of the compilation, because a global limiter anywhere in the project silences
    // it. The compiler needs the CompilationEnd tag to run such rules in the IDE's full-solution analysis.
    public static readonly DiagnosticDescriptor AuthenticationEndpointWithoutRateLimiting = new(
        RuleIds.AuthenticationEndpointWithoutRateLimiting,
        RuleCatalog.AuthenticationEndpointWithoutRateLimiting.Title,
        RuleCatalog.AuthenticationEndpointWithoutRateLimiting.MessageFormat,
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: RuleCatalog.AuthenticationEndpointWithoutRateLimiting.Description,
        helpLinkUri: RuleCatalog.AuthenticationEndpointWithoutRateLimiting.HelpUri,
        customTags: CustomTags(RuleCatalog.AuthenticationEndpointWithoutRateLimiting, WellKnownDiagnosticTags.CompilationEnd));

    private static string[] CustomTags(RuleDefinition rule, params string[] extraTags)
    {
        var tags = new string[rule.Tags.Count + 1 + extraTags.Length];
        for (var i = 0; i < rule.Tags.Count; i++)
        {
            tags[i] = rule.Tags[i];
        }

        // The CWE ID rides along so that the compiler's SARIF log carries it next to the other tags.
        tags[rule.Tags.Count] = rule.CweId;
        extraTags.CopyTo(tags, rule.Tags.Count + 1);
        return tags;
    }
}
