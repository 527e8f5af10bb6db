using System;
using System.Collections.Generic;
using System.Globalization;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>
/// NETSEC001 in nginx: a protocol list that enables SSLv2, SSLv3, TLSv1 or TLSv1.1, and a TLS server or a
/// TLS upstream connection (<c>proxy_pass https://</c> and its twins, or <c>proxy_ssl on</c> in
/// <c>stream</c>) that sets no protocol list while the target nginx version's default still enables
/// TLSv1 and TLSv1.1.
/// </summary>
internal sealed class LegacyTlsProtocolRule : INginxRule
{
    /// <summary>Directive names are case-sensitive in nginx; the protocol names they take are not.</summary>
    /// <summary>The directives that set the TLS protocols of a server or an upstream connection.</summary>
    internal static readonly string[] ProtocolDirectiveNames = { "ssl_protocols", "proxy_ssl_protocols", "grpc_ssl_protocols", "uwsgi_ssl_protocols" };

    private const string ServerProtocols = "ssl_protocols";

    public RuleDefinition Rule => RuleCatalog.LegacyTlsProtocol;

    public void Analyze(NginxRuleContext context)
    {
        var protocolDirectives = context.Index.Named(ProtocolDirectiveNames);
        for (var i = 0; i < protocolDirectives.Count; i++)
        {
            var directive = protocolDirectives[i];
            if (!directive.HasBlock)
            {
                CheckProtocolList(context, directive);
            }
        }

        var servers = context.Servers;
        for (var i = 0; i < servers.Count; i++)
        {
            var entry = servers[i];
            CheckServerWithoutProtocols(context, entry);
            CheckStreamProxySslWithoutProtocols(context, entry.Server);
        }

        CheckUpstreamsWithoutProtocols(context);
    }

    /// <summary>
    /// Reports the legacy names of one directive. Repeated directives in a block add up in nginx (the value
    /// is a bitmask), so reporting each one where it is written covers the union.
    /// </summary>
    private void CheckProtocolList(NginxRuleContext context, NginxDirective directive)
    {
        if (directive.Name == ServerProtocols && context.IsIgnoredHandshakeSetting(directive))
        {
            return;
        }

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
        var notes = directive.Name == ServerProtocols ? context.IgnoredHandshakeSettings(directive.Parent, ServerProtocols) : null;
        context.Report(Rule, message, location, directive, notes);
    }

    private void CheckServerWithoutProtocols(NginxRuleContext context, in NginxServer entry)
    {
        var server = entry.Server;
        if (!NginxTlsListeners.AcceptsTlsOverTcp(entry)
            || context.IsHandshakeDecidedElsewhere(server, ServerProtocols)
            || NginxInheritance.Find(context.Configuration, server, ServerProtocols) is not null)
        {
            return;
        }

        ReportLegacyDefault(context, server, "this TLS server", ServerProtocols, context.IgnoredHandshakeSettings(server, ServerProtocols));
    }

    /// <summary>
    /// Reports a <c>stream</c> server whose <c>proxy_ssl on</c>, its own or inherited, opens TLS to the
    /// upstream while neither the server nor the block around it sets <c>proxy_ssl_protocols</c>.
    /// </summary>
    private void CheckStreamProxySslWithoutProtocols(NginxRuleContext context, NginxDirective server)
    {
        if (!NginxFlags.IsOn(NginxInheritance.Find(context.Configuration, server, "proxy_ssl"))
            || NginxInheritance.Find(context.Configuration, server, "proxy_ssl_protocols") is not null)
        {
            return;
        }

        ReportLegacyDefault(context, server, "proxy_ssl on in this server", "proxy_ssl_protocols");
    }

    /// <summary>
    /// Reports <c>proxy_pass https://</c> (or its gRPC and uwsgi twins) when no enclosing block sets the
    /// matching protocol list. One list in the server fixes every pass in it, so the passes of a server
    /// that lack the same list get one finding, on the <c>server</c> line, naming the first and counting
    /// the rest. A pass outside any server is reported on the block that holds it.
    /// </summary>
    private void CheckUpstreamsWithoutProtocols(NginxRuleContext context)
    {
        var configuration = context.Configuration;

        // The groups keep the order in which their first pass appears, so the findings keep their order.
        // A group is keyed by the pass kind rather than its protocol directive's name, which is the same
        // grouping, because each kind has its own protocol directive and a reference hashes faster than a string.
        var groups = new List<(NginxDirective Block, string Protocols, List<NginxDirective> Passes)>();
        var groupIndex = new Dictionary<(NginxDirective Block, NginxTlsPass Pass), int>();
        var tlsPasses = context.Index.Named(NginxPasses.TlsPassNames);
        for (var i = 0; i < tlsPasses.Count; i++)
        {
            var directive = tlsPasses[i];
            if (directive.Parent is null
                || NginxPasses.TlsPassOf(directive) is not { } pass
                || NginxInheritance.Find(configuration, directive.Parent, pass.Protocols) is not null)
            {
                continue;
            }

            var key = (NginxTree.EnclosingServer(directive) ?? directive.Parent, pass);
            if (!groupIndex.TryGetValue(key, out var index))
            {
                index = groups.Count;
                groupIndex.Add(key, index);
                groups.Add((key.Item1, pass.Protocols, new List<NginxDirective>()));
            }

            groups[index].Passes.Add(directive);
        }

        foreach (var (block, protocols, passes) in groups)
        {
            var subject = passes[0].ToDisplayString();
            if (passes.Count > 1)
            {
                var others = passes.Count - 1;
                subject += " and " + others.ToString(CultureInfo.InvariantCulture) + " other " + passes[0].Name + (others == 1 ? " directive" : " directives");
            }

            ReportLegacyDefault(context, block, subject + " in this " + block.Name, protocols);
        }
    }

    /// <summary>Reports a block that relies on the version default of a protocol list, when that default has legacy protocols.</summary>
    private void ReportLegacyDefault(NginxRuleContext context, NginxDirective block, string subject, string protocolDirective, IReadOnlyList<RelatedLocation>? notes = null)
    {
        var version = context.Options.NginxVersion;
        var defaults = NginxTlsProtocols.DefaultFor(version);
        var legacy = defaults & TlsProtocols.Legacy;
        if (legacy == TlsProtocols.None)
        {
            return;
        }

        var described = subject + " (no " + protocolDirective + "; nginx " + version.ToString() + " default \"" + NginxTlsProtocols.ToNginxList(defaults) + "\")";
        context.Report(Rule, Rule.FormatMessage(described, NginxTlsProtocols.ToSentence(legacy)), block.NameToken.Location, block, notes);
    }

}
