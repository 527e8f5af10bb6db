using System;
using System.Collections.Generic;
using System.Linq;

namespace NetSecAnalyzers.Catalog;

/// <summary>
/// Every rule of the product, in ID order. The C# analyzers, the config linter, its SARIF output and the
/// documentation tests all read their metadata from here.
/// </summary>
public static class RuleCatalog
{
    public const string Category = "Security";

    /// <summary>Base address of the rule pages; a rule's help link is this plus <c>ID.md</c>.</summary>
    public const string DocumentationBaseUri = "https://github.com/netsecanalyzers/netsecanalyzers/blob/main/docs/rules/";

    private const RuleTargets CSharpAndNginx = RuleTargets.CSharp | RuleTargets.Nginx;

    public static readonly RuleDefinition LegacyTlsProtocol = new(
        RuleIds.LegacyTlsProtocol,
        "Legacy TLS or SSL protocol enabled",
        "{0} enables {1}; allow only TLS 1.2 and TLS 1.3",
        "SSL 2.0 and SSL 3.0 are broken (RFC 6176, RFC 7568), and RFC 8996 deprecates TLS 1.0 and TLS 1.1, which rely on MD5 and SHA-1 and have no AEAD suites. Enabling them lets a peer that supports nothing newer connect with weaker protection.",
        RuleSeverity.Error,
        cwe: 327,
        securitySeverity: 7.5,
        precision: "very-high",
        CSharpAndNginx,
        implementedTargets: CSharpAndNginx,
        Tags("tls", 327));

    public static readonly RuleDefinition BrokenCipherSuites = new(
        RuleIds.BrokenCipherSuites,
        "Broken cipher suites or no encryption allowed",
        "{0} allows {1}; allow only suites with authenticated key exchange and strong encryption",
        "NULL and anonymous suites give no confidentiality or no authentication, and export, RC4, DES, 3DES and MD5 suites can be broken with practical effort. A connection that negotiates one of them can be read or changed by anyone on the network path.",
        RuleSeverity.Error,
        cwe: 327,
        securitySeverity: 7.5,
        precision: "high",
        CSharpAndNginx,
        implementedTargets: CSharpAndNginx,
        Tags("tls", 327));

    public static readonly RuleDefinition CipherSuitesWithoutForwardSecrecy = new(
        RuleIds.CipherSuitesWithoutForwardSecrecy,
        "Cipher suites without forward secrecy or AEAD",
        "{0} enables {1}; prefer ECDHE key exchange with AES-GCM or ChaCha20-Poly1305",
        "Static RSA key exchange lets anyone who later obtains the server key decrypt recorded sessions, and CBC suites have a history of padding-oracle attacks. Modern clients all support ECDHE with AEAD ciphers.",
        RuleSeverity.Warning,
        cwe: 326,
        securitySeverity: 5.3,
        precision: "high",
        CSharpAndNginx,
        implementedTargets: CSharpAndNginx,
        Tags("tls", 326));

    public static readonly RuleDefinition CertificateValidationDisabled = new(
        RuleIds.CertificateValidationDisabled,
        "Certificate validation disabled",
        "{0}; {1}",
        "A TLS connection that accepts any certificate is open to anyone who can intercept it: the encryption still works, but the peer may be an attacker.",
        RuleSeverity.Error,
        cwe: 295,
        securitySeverity: 8.1,
        precision: "high",
        RuleTargets.CSharp | RuleTargets.Nginx | RuleTargets.Compose,
        implementedTargets: RuleTargets.CSharp | RuleTargets.Nginx | RuleTargets.Compose,
        Tags("tls", 295));

    public static readonly RuleDefinition RevocationCheckDisabled = new(
        RuleIds.RevocationCheckDisabled,
        "Certificate revocation checking disabled",
        "{0}; {1}",
        "Without revocation checks a stolen or mis-issued certificate stays trusted until it expires.",
        RuleSeverity.Warning,
        cwe: 299,
        securitySeverity: 5.3,
        precision: "high",
        CSharpAndNginx,
        implementedTargets: CSharpAndNginx,
        Tags("tls", 299));

    public static readonly RuleDefinition HttpsNotEnforced = new(
        RuleIds.HttpsNotEnforced,
        "HTTPS not enforced",
        "{0} serves content over plain HTTP; redirect requests to HTTPS",
        "Content served over plain HTTP can be read and changed on the network, and users who type the bare host name never reach the TLS site.",
        RuleSeverity.Warning,
        cwe: 319,
        securitySeverity: 7.5,
        precision: "medium",
        CSharpAndNginx,
        implementedTargets: CSharpAndNginx,
        Tags("http", 319));

    public static readonly RuleDefinition ClearTextHttpToRemoteHost = new(
        RuleIds.ClearTextHttpToRemoteHost,
        "Clear-text HTTP to a remote host",
        "{0} sends requests to {1} over plain HTTP; {2}",
        "Requests to another host over plain HTTP expose their content and credentials to every network hop between the two.",
        RuleSeverity.Warning,
        cwe: 319,
        securitySeverity: 6.5,
        precision: "high",
        CSharpAndNginx,
        implementedTargets: CSharpAndNginx,
        Tags("http", 319));

    public static readonly RuleDefinition HstsNotEnabled = new(
        RuleIds.HstsNotEnabled,
        "HSTS not enabled",
        "{0} does not send Strict-Transport-Security; enable HSTS",
        "Without HSTS a browser's first request can go out over plain HTTP, where an attacker can strip the redirect to HTTPS.",
        RuleSeverity.Warning,
        cwe: 523,
        securitySeverity: 6.1,
        precision: "medium",
        CSharpAndNginx,
        implementedTargets: CSharpAndNginx,
        Tags("http", 523));

    public static readonly RuleDefinition HstsPolicyTooWeak = new(
        RuleIds.HstsPolicyTooWeak,
        "HSTS policy too weak",
        "{0}; {1}",
        "A short max-age lets the protection lapse between visits, and a policy without includeSubDomains leaves subdomains reachable over plain HTTP, where an attacker can set cookies for the parent domain.",
        RuleSeverity.Warning,
        cwe: 523,
        securitySeverity: 4.3,
        precision: "high",
        CSharpAndNginx,
        implementedTargets: CSharpAndNginx,
        Tags("http", 523));

    public static readonly RuleDefinition SecurityHeadersMissing = new(
        RuleIds.SecurityHeadersMissing,
        "Security headers missing",
        "{0} does not set {1}; add the missing headers",
        "X-Content-Type-Options, clickjacking protection, Content-Security-Policy and Referrer-Policy turn on browser defences against MIME sniffing, clickjacking, injected scripts and referrer leaks.",
        RuleSeverity.Warning,
        cwe: 693,
        securitySeverity: 4.3,
        precision: "medium",
        CSharpAndNginx,
        implementedTargets: CSharpAndNginx,
        Tags("http", 693));

    public static readonly RuleDefinition NestedAddHeaderDropsHeaders = new(
        RuleIds.NestedAddHeaderDropsHeaders,
        "Nested add_header drops inherited headers",
        "{0} has its own add_header and no longer sends {1} from the enclosing block; repeat them here or use add_header_inherit merge (nginx 1.29.3 and later)",
        "nginx inherits add_header from the enclosing block only when the current block has none, so one add_header in a location silently removes every security header set above it.",
        RuleSeverity.Warning,
        cwe: 693,
        securitySeverity: 4.3,
        precision: "high",
        RuleTargets.Nginx,
        implementedTargets: RuleTargets.Nginx,
        Tags("http", 693));

    public static readonly RuleDefinition ServerVersionDisclosed = new(
        RuleIds.ServerVersionDisclosed,
        "Server version disclosed",
        "{0} sends {1} in the Server header; {2}",
        "A version in every response tells an attacker which known vulnerabilities to try first.",
        RuleSeverity.Info,
        cwe: 200,
        securitySeverity: 2.6,
        precision: "high",
        CSharpAndNginx,
        implementedTargets: CSharpAndNginx,
        Tags("http", 200));

    public static readonly RuleDefinition FirewallAllowsIncomingByDefault = new(
        RuleIds.FirewallAllowsIncomingByDefault,
        "Firewall does not deny incoming traffic by default",
        "{0} accepts incoming traffic by default; set the default to deny and allow only the ports you need",
        "With an accepting default every service that listens on the host is reachable, including ones started later or by accident.",
        RuleSeverity.Error,
        cwe: 284,
        securitySeverity: 8.2,
        precision: "high",
        RuleTargets.Firewall,
        implementedTargets: RuleTargets.Firewall,
        Tags("firewall", 284));

    public static readonly RuleDefinition SensitivePortReachableFromAnyAddress = new(
        RuleIds.SensitivePortReachableFromAnyAddress,
        "Database or admin port reachable from any address",
        "{0} makes port {1} reachable from any address; allow it only from trusted sources or bind it to a private interface",
        "Databases, caches, search engines and container daemons are built for trusted networks, and exposed to the internet they are found quickly by internet-wide scanners.",
        RuleSeverity.Error,
        cwe: 668,
        securitySeverity: 8.2,
        precision: "high",
        RuleTargets.Firewall | RuleTargets.Compose,
        implementedTargets: RuleTargets.Firewall | RuleTargets.Compose,
        Tags("firewall", 668));

    public static readonly RuleDefinition SshWithoutRateLimiting = new(
        RuleIds.SshWithoutRateLimiting,
        "SSH open without rate limiting",
        "{0} accepts SSH connections without rate limiting; use 'ufw limit' or an iptables recent or limit match",
        "An SSH port without rate limiting invites unbounded password guessing.",
        RuleSeverity.Warning,
        cwe: 307,
        securitySeverity: 5.3,
        precision: "high",
        RuleTargets.Firewall,
        implementedTargets: RuleTargets.Firewall,
        Tags("firewall", 307));

    public static readonly RuleDefinition PortPublishedOnAllInterfaces = new(
        RuleIds.PortPublishedOnAllInterfaces,
        "Port published on all interfaces",
        "{0} publishes port {1} on all interfaces; bind it to a specific host address",
        "Docker routes traffic for published ports through its own NAT and FORWARD rules, which ufw's INPUT rules never see, so a port published on all interfaces is reachable even where the host firewall seems to deny it.",
        RuleSeverity.Info,
        cwe: 668,
        securitySeverity: 4.3,
        precision: "high",
        RuleTargets.Compose,
        implementedTargets: RuleTargets.Compose,
        Tags("containers", 668));

    public static readonly RuleDefinition DataTierNotIsolated = new(
        RuleIds.DataTierNotIsolated,
        "Data tier not isolated",
        "{0} is on network {1}, which {2}; put data services on an internal network",
        "A database on a network with a route to the outside, or shared with an internet-facing service, is one compromised container away from exposure.",
        RuleSeverity.Warning,
        cwe: 668,
        securitySeverity: 6.5,
        precision: "medium",
        RuleTargets.Compose,
        implementedTargets: RuleTargets.Compose,
        Tags("containers", 668));

    public static readonly RuleDefinition ContainerBypassesNetworkIsolation = new(
        RuleIds.ContainerBypassesNetworkIsolation,
        "Container bypasses network isolation",
        "{0} sets {1}, which {2}; remove it",
        "Host networking, privileged mode and network capabilities let a container sniff, spoof or reconfigure the host's network, defeating the isolation the compose networks were meant to give.",
        RuleSeverity.Error,
        cwe: 250,
        securitySeverity: 7.5,
        precision: "high",
        RuleTargets.Compose,
        implementedTargets: RuleTargets.Compose,
        Tags("containers", 250));

    public static readonly RuleDefinition AuthenticationEndpointWithoutRateLimiting = new(
        RuleIds.AuthenticationEndpointWithoutRateLimiting,
        "Authentication endpoint without rate limiting",
        "{0} has no rate limiting; add a rate-limiting policy",
        "Sign-in and token endpoints without rate limits allow credential stuffing and password guessing at network speed.",
        RuleSeverity.Warning,
        cwe: 307,
        securitySeverity: 5.3,
        precision: "medium",
        CSharpAndNginx,
        implementedTargets: CSharpAndNginx,
        Tags("http", 307));

    /// <summary>Every rule, ordered by ID.</summary>
    public static IReadOnlyList<RuleDefinition> All { get; } = new[]
    {
        LegacyTlsProtocol,
        BrokenCipherSuites,
        CipherSuitesWithoutForwardSecrecy,
        CertificateValidationDisabled,
        RevocationCheckDisabled,
        HttpsNotEnforced,
        ClearTextHttpToRemoteHost,
        HstsNotEnabled,
        HstsPolicyTooWeak,
        SecurityHeadersMissing,
        NestedAddHeaderDropsHeaders,
        ServerVersionDisclosed,
        FirewallAllowsIncomingByDefault,
        SensitivePortReachableFromAnyAddress,
        SshWithoutRateLimiting,
        PortPublishedOnAllInterfaces,
        DataTierNotIsolated,
        ContainerBypassesNetworkIsolation,
        AuthenticationEndpointWithoutRateLimiting,
    };

    private static readonly Dictionary<string, RuleDefinition> ById =
        All.ToDictionary(rule => rule.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>Looks up a rule by ID, ignoring case; returns false for an unknown ID.</summary>
    public static bool TryGet(string id, out RuleDefinition rule)
    {
        if (id is not null && ById.TryGetValue(id, out var found))
        {
            rule = found;
            return true;
        }

        rule = null!;
        return false;
    }

    /// <summary>Returns the rule with this ID, or throws for an ID the catalogue does not have.</summary>
    public static RuleDefinition Get(string id) =>
        TryGet(id, out var rule) ? rule : throw new ArgumentException("Unknown rule ID '" + id + "'.", nameof(id));

    private static IReadOnlyList<string> Tags(string topic, int cwe) =>
        new[] { "security", topic, "external/cwe/cwe-" + cwe.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
