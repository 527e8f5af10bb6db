namespace NetSecAnalyzers.Catalog;

/// <summary>
/// Rule IDs as constants, so that analyzers and release tracking can use them in attributes and
/// descriptors. An ID is never reused for another weakness.
/// </summary>
public static class RuleIds
{
    public const string LegacyTlsProtocol = "NETSEC001";
    public const string BrokenCipherSuites = "NETSEC010";
    public const string CipherSuitesWithoutForwardSecrecy = "NETSEC011";
    public const string CertificateValidationDisabled = "NETSEC020";
    public const string RevocationCheckDisabled = "NETSEC021";
    public const string HttpsNotEnforced = "NETSEC030";
    public const string ClearTextHttpToRemoteHost = "NETSEC031";
    public const string HstsNotEnabled = "NETSEC032";
    public const string HstsPolicyTooWeak = "NETSEC033";
    public const string SecurityHeadersMissing = "NETSEC034";
    public const string NestedAddHeaderDropsHeaders = "NETSEC035";
    public const string ServerVersionDisclosed = "NETSEC036";
    public const string FirewallAllowsIncomingByDefault = "NETSEC050";
    public const string SensitivePortReachableFromAnyAddress = "NETSEC051";
    public const string SshWithoutRateLimiting = "NETSEC052";
    public const string PortPublishedOnAllInterfaces = "NETSEC053";
    public const string DataTierNotIsolated = "NETSEC060";
    public const string ContainerBypassesNetworkIsolation = "NETSEC061";
    public const string AuthenticationEndpointWithoutRateLimiting = "NETSEC070";
}
