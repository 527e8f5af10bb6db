using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using NetSecAnalyzers.Analyzers.Flow;

namespace NetSecAnalyzers.Analyzers.CertificateValidation;

/// <summary>
/// The certificate validation types of one compilation, resolved once. A validator is any delegate with the
/// validation shape: it returns <c>bool</c> and takes a certificate, a chain and the <c>SslPolicyErrors</c>,
/// plus at most one more parameter (the sender or the request). That covers
/// <c>RemoteCertificateValidationCallback</c>, <c>HttpClientHandler</c>'s <c>Func</c> and Kestrel's
/// client certificate callback without a list of properties.
/// </summary>
internal sealed class CertificateValidationSymbols
{
    private readonly INamedTypeSymbol certificate;
    private readonly INamedTypeSymbol chain;
    private readonly ConcurrentDictionary<ITypeSymbol, bool> shapes = new(SymbolEqualityComparer.Default);

    private CertificateValidationSymbols(
        INamedTypeSymbol policyErrors,
        INamedTypeSymbol certificate,
        INamedTypeSymbol chain,
        INamedTypeSymbol? httpClientHandler,
        INamedTypeSymbol? httpsOptions,
        long nameMismatch,
        long chainErrors,
        long requireCertificate)
    {
        PolicyErrors = policyErrors;
        this.certificate = certificate;
        this.chain = chain;
        HttpClientHandler = httpClientHandler;
        HttpsOptions = httpsOptions;
        NameMismatch = nameMismatch;
        ChainErrors = chainErrors;
        RequireCertificate = requireCertificate;
    }

    public INamedTypeSymbol PolicyErrors { get; }

    public INamedTypeSymbol? HttpClientHandler { get; }

    /// <summary>Kestrel's <c>HttpsConnectionAdapterOptions</c>, when ASP.NET Core is referenced.</summary>
    public INamedTypeSymbol? HttpsOptions { get; }

    /// <summary>The values of the two <c>SslPolicyErrors</c> flags this rule names, read from the enum.</summary>
    public long NameMismatch { get; }

    public long ChainErrors { get; }

    /// <summary>The value of <c>ClientCertificateMode.RequireCertificate</c>, or -1 without Kestrel.</summary>
    public long RequireCertificate { get; }

    /// <summary>Resolves the types; returns null when the compilation cannot declare a validator.</summary>
    public static CertificateValidationSymbols? TryCreate(Compilation compilation)
    {
        var policyErrors = KnownTypes.Find(compilation, "System.Net.Security.SslPolicyErrors");
        var certificate = KnownTypes.Find(compilation, "System.Security.Cryptography.X509Certificates.X509Certificate");
        var chain = KnownTypes.Find(compilation, "System.Security.Cryptography.X509Certificates.X509Chain");
        if (policyErrors is not { TypeKind: TypeKind.Enum } || certificate is null || chain is null
            || !ConstantBits.TryGetMember(policyErrors, "RemoteCertificateNameMismatch", out var nameMismatch)
            || !ConstantBits.TryGetMember(policyErrors, "RemoteCertificateChainErrors", out var chainErrors))
        {
            return null;
        }

        var httpsOptions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions");
        var mode = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode");
        var requireCertificate = -1L;
        if (mode is null || !ConstantBits.TryGetMember(mode, "RequireCertificate", out requireCertificate))
        {
            httpsOptions = null;
        }

        return new CertificateValidationSymbols(
            policyErrors,
            certificate,
            chain,
            KnownTypes.Find(compilation, "System.Net.Http.HttpClientHandler"),
            httpsOptions,
            nameMismatch,
            chainErrors,
            requireCertificate);
    }

    /// <summary>Returns the <c>Invoke</c> method of a delegate type with the validation shape, or null.</summary>
    public IMethodSymbol? ValidatorInvoke(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { } invoke })
        {
            return null;
        }

        // TryGetValue first: GetOrAdd with a lambda that captures invoke would allocate on every call,
        // and most delegate arguments (route handlers, options callbacks) are looked up many times.
        if (!shapes.TryGetValue(type, out var hasShape))
        {
            hasShape = HasValidationShape(invoke);
            shapes.TryAdd(type, hasShape);
        }

        return hasShape ? invoke : null;
    }

    /// <summary>Returns true for <c>SslPolicyErrors</c>.</summary>
    public bool IsPolicyErrors(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, PolicyErrors);

    public bool IsCertificate(ITypeSymbol type) => DerivesFrom(type, certificate);

    public bool IsChain(ITypeSymbol type) => DerivesFrom(type, chain);

    /// <summary>Returns true for <c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c>.</summary>
    public bool IsDangerousValidator(IPropertySymbol property) =>
        property.IsStatic
        && property.Name == "DangerousAcceptAnyServerCertificateValidator"
        && SymbolEqualityComparer.Default.Equals(property.ContainingType, HttpClientHandler);

    /// <summary>Returns true for a member of Kestrel's <c>HttpsConnectionAdapterOptions</c>.</summary>
    public bool IsHttpsOptionsMember(ISymbol member) =>
        HttpsOptions is not null && SymbolEqualityComparer.Default.Equals(member.ContainingType, HttpsOptions);

    private bool HasValidationShape(IMethodSymbol invoke)
    {
        if (invoke.ReturnType.SpecialType != SpecialType.System_Boolean || invoke.Parameters.Length is < 3 or > 4)
        {
            return false;
        }

        int errors = 0, certificates = 0, chains = 0;
        foreach (var parameter in invoke.Parameters)
        {
            if (IsPolicyErrors(parameter.Type))
            {
                errors++;
            }
            else if (IsCertificate(parameter.Type))
            {
                certificates++;
            }
            else if (IsChain(parameter.Type))
            {
                chains++;
            }
        }

        return errors == 1 && certificates == 1 && chains == 1;
    }

    private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol baseType)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
