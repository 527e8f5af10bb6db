using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>
/// NETSEC001 in nginx: a protocol list that enables SSLv2, SSLv3, TLSv1 or TLSv1.1, and a TLS server that
/// sets no <c>ssl_protocols</c> while the target nginx version's default still enables TLSv1 and TLSv1.1.
/// </summary>
internal sealed class LegacyTlsProtocolRule : INginxRule
{
    /// <summary>Directive names are case-sensitive in nginx; the protocol names they take are not.</summary>
    private static readonly HashSet<string> ProtocolDirectives = new(StringComparer.Ordinal)
    {
        "ssl_protocols", "proxy_ssl_protocols", "grpc_ssl_protocols", "uwsgi_ssl_protocols",
    };

    /// <summary><c>listen</c> parameters that make a server speak TLS (QUIC carries TLS 1.3 only, but is still TLS).</summary>
    private static readonly HashSet<string> TlsListenParameters = new(StringComparer.Ordinal) { "ssl", "quic", "http3" };

    public RuleDefinition Rule => RuleCatalog.LegacyTlsProtocol;

    public void Analyze(NginxRuleContext context)
    {
        foreach (var directive in NginxTree.Directives(context.Configuration).Where(IsProtocolDirective))
        {
            CheckProtocolList(context, directive);
        }

        foreach (var (server, enclosing) in NginxTree.Servers(context.Configuration))
        {
            CheckServerWithoutProtocols(context, server, enclosing);
        }
    }

    private static bool IsProtocolDirective(NginxDirective directive) =>
        !directive.HasBlock && ProtocolDirectives.Contains(directive.Name);

    /// <summary>
    /// Reports the legacy names of one directive. Repeated directives in a block add up in nginx (the value
    /// is a bitmask), so reporting each one where it is written covers the union.
    /// </summary>
    private void CheckProtocolList(NginxRuleContext context, NginxDirective directive)
    {
        var legacyTokens = new List<NginxToken>();
        var legacy = TlsProtocols.None;
        foreach (var argument in directive.Arguments)
        {
            var protocol = NginxTlsProtocols.Parse(argument.Text);
            if (protocol == TlsProtocols.None)
            {
                context.ReportInvalidValue(argument);
            }
            else if ((protocol & TlsProtocols.Legacy) != 0)
            {
                legacy |= protocol;
                legacyTokens.Add(argument);
            }
        }

        if (legacy == TlsProtocols.None)
        {
            return;
        }

        var first = legacyTokens[0].Location;
        var last = legacyTokens[legacyTokens.Count - 1].Location;
        var location = new SourceLocation(first.FilePath, first.StartLine, first.StartColumn, last.EndLine, last.EndColumn);
        var message = Rule.FormatMessage(directive.ToDisplayString(), NginxTlsProtocols.ToSentence(legacy));
        context.Report(Rule, message, location, directive);
    }

    private void CheckServerWithoutProtocols(NginxRuleContext context, NginxDirective server, IReadOnlyList<NginxDirective> enclosing)
    {
        if (!IsTlsServer(server, enclosing)
            || server.Children.Any(IsServerProtocolDirective)
            || enclosing.Any(IsServerProtocolDirective))
        {
            return;
        }

        var version = context.Options.NginxVersion;
        var defaults = NginxTlsProtocols.DefaultFor(version);
        var legacy = defaults & TlsProtocols.Legacy;
        if (legacy == TlsProtocols.None)
        {
            return;
        }

        var subject = string.Format(
            CultureInfo.InvariantCulture,
            "this TLS server (no ssl_protocols; nginx {0} default \"{1}\")",
            version,
            NginxTlsProtocols.ToNginxList(defaults));
        context.Report(Rule, Rule.FormatMessage(subject, NginxTlsProtocols.ToSentence(legacy)), server.NameToken.Location, server);
    }

    private static bool IsServerProtocolDirective(NginxDirective directive) => directive.Name == "ssl_protocols" && !directive.HasBlock;

    /// <summary>A server speaks TLS with <c>listen ... ssl</c> (or <c>quic</c>), or with the old <c>ssl on</c> in it or around it.</summary>
    private static bool IsTlsServer(NginxDirective server, IReadOnlyList<NginxDirective> enclosing) =>
        server.Children.Any(directive => directive.Name == "listen" && directive.Arguments.Skip(1).Any(argument => TlsListenParameters.Contains(argument.Text)))
        || server.Children.Any(IsSslOn)
        || enclosing.Any(IsSslOn);

    private static bool IsSslOn(NginxDirective directive) =>
        directive.Name == "ssl"
        && directive.Arguments.Count == 1
        && string.Equals(directive.Arguments[0].Text, "on", StringComparison.OrdinalIgnoreCase);
}
