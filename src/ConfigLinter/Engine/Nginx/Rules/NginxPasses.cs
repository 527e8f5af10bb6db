using System;
using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>
/// A directive that hands a request to an upstream over TLS when its URL has the TLS scheme, and the prefix
/// of the <c>*_ssl_*</c> directives that configure that connection.
/// </summary>
internal sealed class NginxTlsPass
{
    public NginxTlsPass(string pass, string tlsScheme, string sslPrefix)
    {
        Pass = pass;
        TlsScheme = tlsScheme;
        SslPrefix = sslPrefix;
        Protocols = sslPrefix + "_ssl_protocols";
        Verify = sslPrefix + "_ssl_verify";
        TrustedCertificate = sslPrefix + "_ssl_trusted_certificate";
    }

    public string Pass { get; }

    public string TlsScheme { get; }

    public string SslPrefix { get; }

    public string Protocols { get; }

    public string Verify { get; }

    public string TrustedCertificate { get; }
}

/// <summary>The directives of the http module that pass a request to an upstream instead of serving it from nginx.</summary>
internal static class NginxPasses
{
    private static readonly NginxTlsPass[] TlsPasses =
    {
        new("proxy_pass", "https://", "proxy"),
        new("grpc_pass", "grpcs://", "grpc"),
        new("uwsgi_pass", "suwsgi://", "uwsgi"),
    };

    /// <summary>The directives that pass a request to a backend.</summary>
    public static readonly string[] PassNames = { "proxy_pass", "fastcgi_pass", "uwsgi_pass", "grpc_pass", "scgi_pass", "memcached_pass" };

    /// <summary>The passes that can speak TLS to their backend.</summary>
    public static readonly string[] TlsPassNames = { "proxy_pass", "grpc_pass", "uwsgi_pass" };

    private static readonly HashSet<string> Passes = new(PassNames, StringComparer.Ordinal);

    /// <remarks>
    /// Rules call this for every directive, so a name that does not end in <c>_pass</c>, as every pass does, is
    /// rejected before the set computes its hash.
    /// </remarks>
    public static bool IsPass(NginxDirective directive) =>
        !directive.HasBlock
        && directive.Arguments.Count > 0
        && directive.Name.EndsWith("_pass", StringComparison.Ordinal)
        && Passes.Contains(directive.Name);

    /// <summary>
    /// Returns the TLS pass that a directive is, when its URL starts with the TLS scheme (nginx compares the
    /// scheme without regard to case), or null.
    /// </summary>
    public static NginxTlsPass? TlsPassOf(NginxDirective directive)
    {
        if (!IsPass(directive))
        {
            return null;
        }

        // A loop rather than LINQ, because rules call this for every directive of the configuration.
        foreach (var pass in TlsPasses)
        {
            if (pass.Pass == directive.Name && directive.Arguments[0].Text.StartsWith(pass.TlsScheme, StringComparison.OrdinalIgnoreCase))
            {
                return pass;
            }
        }

        return null;
    }
}
