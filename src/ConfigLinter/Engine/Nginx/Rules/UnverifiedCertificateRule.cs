using System;
using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>
/// NETSEC020 in nginx: a TLS connection to an upstream (<c>proxy_pass https://</c>, <c>grpc_pass grpcs://</c>,
/// <c>uwsgi_pass suwsgi://</c>, or <c>proxy_ssl on</c> in a stream server) for which
/// <c>*_ssl_verify on</c> is not in effect, or is on without <c>*_ssl_trusted_certificate</c>; and
/// <c>ssl_verify_client optional_no_ca</c>.
/// </summary>
internal sealed class UnverifiedCertificateRule : INginxRule
{
    private const string StreamProxySsl = "proxy_ssl";

    private static readonly NginxTlsPass StreamProxy = new(StreamProxySsl, string.Empty, "proxy");

    /// <summary>The passes whose upstream certificate is checked, and the client-certificate setting.</summary>
    internal static readonly string[] JudgedDirectives = NginxPasses.TlsPassNames.Concat(new[] { "ssl_verify_client" }).ToArray();

    public RuleDefinition Rule => RuleCatalog.CertificateValidationDisabled;

    public void Analyze(NginxRuleContext context)
    {
        var configuration = context.Configuration;

        // An inherited "off" is reported once where it is written, not once per pass it reaches. The set contains
        // directives, not tokens, because the reads of a snippet included in several places share its tokens.
        var reported = new HashSet<NginxDirective>();
        var judged = context.Index.Named(JudgedDirectives);
        for (var i = 0; i < judged.Count; i++)
        {
            var directive = judged[i];
            var pass = NginxPasses.TlsPassOf(directive);
            if (pass is not null && directive.Parent is not null && NginxTree.IsInHttp(configuration, directive))
            {
                CheckUpstream(context, pass, directive.Parent, directive, opened: null, reported);
            }
            else if (directive.Name == "ssl_verify_client" && directive.Arguments.Count == 1 && directive.Arguments[0].Text == "optional_no_ca")
            {
                var message = Rule.FormatMessage(
                    directive.ToDisplayString() + " requests a client certificate but accepts one that no trusted CA issued",
                    "use ssl_verify_client on with ssl_client_certificate");
                context.Report(Rule, message, directive.Arguments[0].Location, directive);
            }
        }

        var servers = context.Servers;
        for (var i = 0; i < servers.Count; i++)
        {
            var server = servers[i].Server;
            if (NginxTree.IsInHttp(configuration, server))
            {
                continue;
            }

            var proxySsl = NginxInheritance.Find(configuration, server, StreamProxySsl);
            if (NginxFlags.IsOn(proxySsl) && server.Parent?.Name == "stream")
            {
                CheckUpstream(context, StreamProxy, server, proxySsl!, "proxy_ssl on", reported);
            }
        }
    }

    /// <summary>
    /// Reports a TLS connection to an upstream opened in <paramref name="block"/> unless the certificate is
    /// verified there. A finding about a missing setting is located on the first argument of
    /// <paramref name="opener"/>, the directive that opens the connection.
    /// </summary>
    /// <param name="opened">How messages name the connection, or null to quote <paramref name="opener"/>, which is worded only for a finding.</param>
    private void CheckUpstream(NginxRuleContext context, NginxTlsPass pass, NginxDirective block, NginxDirective opener, string? opened, ISet<NginxDirective> reported)
    {
        var site = opener.Arguments[0];
        var configuration = context.Configuration;
        var verify = NginxInheritance.Find(configuration, block, pass.Verify);
        if (NginxFlags.IsOn(verify))
        {
            if (NginxInheritance.Find(configuration, block, pass.TrustedCertificate) is null && reported.Add(opener))
            {
                var described = (opened ?? opener.ToDisplayString()) + " sets " + pass.Verify + " on without " + pass.TrustedCertificate + ", so nginx has no CA to verify against and refuses to start";
                var remedy = "add " + pass.TrustedCertificate + " with the CA bundle";
                context.Report(Rule, Rule.FormatMessage(described, remedy), site.Location, opener);
            }

            return;
        }

        var explicitOff = NginxFlags.IsOff(verify);
        var location = explicitOff ? verify!.Arguments[0] : site;
        if (reported.Add(explicitOff ? verify! : opener))
        {
            var reason = explicitOff ? pass.Verify + " off" : pass.Verify + " is off by default";
            var described = (opened ?? opener.ToDisplayString()) + " does not verify the upstream certificate (" + reason + ")";
            var remedy = "set " + pass.Verify + " on with " + pass.TrustedCertificate;
            context.Report(Rule, Rule.FormatMessage(described, remedy), location.Location, explicitOff ? verify! : opener);
        }
    }
}
