using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Tls;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>
/// NETSEC010 in nginx: a cipher directive (<c>ssl_ciphers</c>, <c>proxy_ssl_ciphers</c> and its gRPC and
/// uwsgi twins, in http, stream or mail) whose OpenSSL expansion includes NULL, anonymous, export, RC4, DES,
/// 3DES or MD5 suites. nginx's defaults include none, so only written strings are judged.
/// </summary>
internal sealed class BrokenCipherSuitesRule : INginxRule
{
    public RuleDefinition Rule => RuleCatalog.BrokenCipherSuites;

    public void Analyze(NginxRuleContext context)
    {
        // This rule, and not NETSEC011, reports rejected strings, so each is reported once.
        NginxCipherLists.ReportRejectedStrings(context);
        NginxCipherLists.ReportDirectives(context, Rule, CipherWeaknesses.DescribeBroken);
    }
}
