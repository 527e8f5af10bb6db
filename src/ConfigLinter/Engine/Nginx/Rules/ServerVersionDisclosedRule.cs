using System;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>
/// NETSEC036 in nginx: a <c>server_tokens</c> value that puts the nginx version in the <c>Server</c> header
/// and on nginx's error pages, where it applies to some server or location, and an http server that no
/// level sets it for, so that nginx's default, <c>on</c>, applies.
/// </summary>
internal sealed class ServerVersionDisclosedRule : INginxRule
{
    private const string ServerTokens = "server_tokens";
    private const string Version = "the nginx version";
    private const string Remedy = "set server_tokens off";
    private const string VersionVariable = "nginx_version";

    public RuleDefinition Rule => RuleCatalog.ServerVersionDisclosed;

    public void Analyze(NginxRuleContext context)
    {
        var configuration = context.Configuration;
        foreach (var directive in context.Index.Named(ServerTokens))
        {
            var disclosed = DisclosedBy(directive);
            if (disclosed is not null
                && NginxTree.IsInHttp(configuration, directive)
                && NginxInheritance.BlocksReached(configuration, directive).Count > 0)
            {
                context.Report(Rule, Rule.FormatMessage(directive.ToDisplayString(), disclosed, Remedy), directive.Arguments[0].Location, directive);
            }
        }

        foreach (var (server, _) in context.Servers)
        {
            if (NginxTree.IsInHttp(configuration, server) && NginxInheritance.Find(configuration, server, ServerTokens) is null)
            {
                var message = Rule.FormatMessage("this server (server_tokens defaults to on)", Version, Remedy);
                context.Report(Rule, message, server.NameToken.Location, server);
            }
        }
    }

    /// <summary>
    /// Returns what a value puts in the header, or null when it hides the version. nginx takes <c>on</c>,
    /// <c>off</c> and <c>build</c> without regard to case. Any other value is NGINX Plus's replacement text
    /// for the header (an empty one drops the header), which shows the version only through the
    /// <c>$nginx_version</c> variable.
    /// </summary>
    private static string? DisclosedBy(NginxDirective directive)
    {
        if (directive.HasBlock || directive.Arguments.Count != 1)
        {
            return null;
        }

        var value = directive.Arguments[0].Text;
        if (string.Equals(value, "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (string.Equals(value, "on", StringComparison.OrdinalIgnoreCase))
        {
            return Version;
        }

        if (string.Equals(value, "build", StringComparison.OrdinalIgnoreCase))
        {
            return "the nginx version and build name";
        }

        return UsesVersionVariable(value) ? Version : null;
    }

    /// <summary>
    /// Returns whether text refers to <c>$nginx_version</c> or <c>${nginx_version}</c>. nginx matches
    /// variable names without regard to case, and a bare name ends at the first character that cannot be
    /// part of a name.
    /// </summary>
    private static bool UsesVersionVariable(string text)
    {
        for (var dollar = text.IndexOf('$'); dollar >= 0; dollar = text.IndexOf('$', dollar + 1))
        {
            var braced = dollar + 1 < text.Length && text[dollar + 1] == '{';
            var start = braced ? dollar + 2 : dollar + 1;
            if (string.Compare(text, start, VersionVariable, 0, VersionVariable.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                continue;
            }

            var end = start + VersionVariable.Length;
            if (braced ? end < text.Length && text[end] == '}' : end == text.Length || !IsNameCharacter(text[end]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNameCharacter(char character) =>
        character == '_' || (character >= '0' && character <= '9') || (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z');
}
