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
        foreach (var cipher in NginxCipherLists.Directives(context.Configuration))
        {
            var described = CipherWeaknesses.DescribeBroken(cipher.Ciphers.Usable);
            if (described is not null)
            {
                var message = Rule.FormatMessage(cipher.Directive.ToDisplayString(), described);
                context.Report(Rule, message, cipher.Value.Location, cipher.Directive);
            }
        }
    }
}
