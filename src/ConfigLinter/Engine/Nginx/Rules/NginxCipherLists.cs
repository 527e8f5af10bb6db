using System;
using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;
using NetSecAnalyzers.ConfigLinter.Tls;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>An nginx directive that sets an OpenSSL cipher string, with what the string expands to.</summary>
internal sealed class NginxCipherDirective
{
    public NginxCipherDirective(NginxDirective directive, NginxToken value, CipherList ciphers)
    {
        Directive = directive;
        Value = value;
        Ciphers = ciphers;
    }

    public NginxDirective Directive { get; }

    /// <summary>The cipher-string argument, where findings are located.</summary>
    public NginxToken Value { get; }

    public CipherList Ciphers { get; }
}

/// <summary>The cipher strings of a configuration, for NETSEC010 and NETSEC011.</summary>
internal static class NginxCipherLists
{
    /// <summary>
    /// nginx's <c>ssl_ciphers</c> default. It has been the same in every nginx release since 1.0.5, in the
    /// http, stream and mail modules alike.
    /// </summary>
    public const string ServerDefault = "HIGH:!aNULL:!MD5";

    public const string ServerCiphers = "ssl_ciphers";

    /// <summary>Directive names are case-sensitive in nginx; the stream module's twins have the same names.</summary>
    /// <summary>The directives that set a cipher string.</summary>
    public static readonly string[] CipherDirectiveNames = { "ssl_ciphers", "proxy_ssl_ciphers", "grpc_ssl_ciphers", "uwsgi_ssl_ciphers" };

    private static readonly HashSet<string> CipherDirectives = new(CipherDirectiveNames, StringComparer.Ordinal);

    /// <summary>
    /// Returns every cipher directive whose string OpenSSL accepts, each where it is written, so a value set
    /// in <c>http</c> is judged once however many servers inherit it. A string OpenSSL rejects stops nginx
    /// from starting, so it has no suites to judge; <see cref="ReportRejectedStrings"/> reports it.
    /// </summary>
    public static IEnumerable<NginxCipherDirective> Directives(NginxRuleContext context) =>
        context.CipherDirectives.Where(cipher => cipher.Ciphers.Error is null);

    /// <summary>
    /// Reports each cipher string OpenSSL rejects (a typo that matches no suite, an unknown <c>@</c>
    /// command) as the error nginx stops with, so such a configuration never passes as clean.
    /// </summary>
    public static void ReportRejectedStrings(NginxRuleContext context)
    {
        foreach (var cipher in context.CipherDirectives)
        {
            if (cipher.Ciphers.Error is not null)
            {
                context.ReportInvalidValue(
                    cipher.Value,
                    "SSL_CTX_set_cipher_list(\"" + cipher.Value.Text + "\") failed (" + cipher.Ciphers.Error + "), so nginx does not start");
            }
        }
    }

    /// <summary>Returns the cipher directives among <paramref name="directives"/>, each with its evaluated string.</summary>
    public static IReadOnlyList<NginxCipherDirective> Evaluate(IReadOnlyList<NginxDirective> directives)
    {
        var ciphers = new List<NginxCipherDirective>();
        foreach (var directive in directives)
        {
            if (directive.HasBlock || directive.Arguments.Count == 0 || !CipherDirectives.Contains(directive.Name))
            {
                continue;
            }

            var value = directive.Arguments[0];
            ciphers.Add(new NginxCipherDirective(directive, value, CipherStringEvaluator.Evaluate(value.Text)));
        }

        return ciphers;
    }

    /// <summary>
    /// Reports each cipher directive for which <paramref name="describe"/> words some of the suites that
    /// can be negotiated, located on the cipher string.
    /// </summary>
    public static void ReportDirectives(NginxRuleContext context, RuleDefinition rule, Func<IEnumerable<CipherSuite>, string?> describe)
    {
        // The same string is usually written in many servers, and its evaluation is cached, so its
        // description is worded once per evaluated list.
        var descriptions = new Dictionary<CipherList, string?>();
        foreach (var cipher in Directives(context))
        {
            var isServerCiphers = cipher.Directive.Name == ServerCiphers;
            if (isServerCiphers && context.IsIgnoredHandshakeSetting(cipher.Directive))
            {
                continue;
            }

            if (!descriptions.TryGetValue(cipher.Ciphers, out var described))
            {
                described = describe(cipher.Ciphers.Usable);
                descriptions[cipher.Ciphers] = described;
            }

            if (described is not null)
            {
                var message = rule.FormatMessage(cipher.Directive.ToDisplayString(), described);
                var notes = isServerCiphers ? context.IgnoredHandshakeSettings(cipher.Directive.Parent, ServerCiphers) : null;
                context.Report(rule, message, cipher.Value.Location, cipher.Directive, notes);
            }
        }
    }

    /// <summary>
    /// Returns the TLS-over-TCP servers that set no <c>ssl_ciphers</c>, at any level, so nginx's default
    /// applies, leaving out name-based servers whose handshake another server's settings decide.
    /// </summary>
    public static IEnumerable<NginxDirective> ServersOnDefault(NginxRuleContext context) =>
        context.Servers
            .Where(entry => NginxTlsListeners.AcceptsTlsOverTcp(entry)
                && !context.IsHandshakeDecidedElsewhere(entry.Server, ServerCiphers)
                && NginxInheritance.Find(context.Configuration, entry.Server, ServerCiphers) is null)
            .Select(entry => entry.Server);
}
