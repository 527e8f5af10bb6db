using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Tls;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>
/// NETSEC011 in nginx: a cipher directive whose expansion has suites without forward secrecy or with CBC
/// instead of AEAD, leaving out those NETSEC010 already reports; and a TLS server that sets no
/// <c>ssl_ciphers</c>, since nginx's default <c>HIGH:!aNULL:!MD5</c> enables static-RSA and CBC suites.
/// Upstream connections without <c>proxy_ssl_ciphers</c> are not reported: nginx's default there is
/// OpenSSL's <c>DEFAULT</c>, the upstream server picks the suite, and it is judged by its own configuration.
/// </summary>
internal sealed class CipherSuitesWithoutForwardSecrecyRule : INginxRule
{
    public RuleDefinition Rule => RuleCatalog.CipherSuitesWithoutForwardSecrecy;

    public void Analyze(NginxRuleContext context)
    {
        NginxCipherLists.ReportDirectives(context, Rule, CipherWeaknesses.DescribeWeak);

        var defaultWeakness = CipherWeaknesses.DescribeWeak(CipherStringEvaluator.Evaluate(NginxCipherLists.ServerDefault).Usable);
        if (defaultWeakness is null)
        {
            return;
        }

        foreach (var server in NginxCipherLists.ServersOnDefault(context))
        {
            var subject = "this TLS server (no ssl_ciphers; nginx default \"" + NginxCipherLists.ServerDefault + "\")";
            context.Report(Rule, Rule.FormatMessage(subject, defaultWeakness), server.NameToken.Location, server, context.IgnoredHandshakeSettings(server, NginxCipherLists.ServerCiphers));
        }
    }
}
