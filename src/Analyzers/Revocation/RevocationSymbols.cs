using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using NetSecAnalyzers.Analyzers.Flow;

namespace NetSecAnalyzers.Analyzers.Revocation;

/// <summary>The revocation settings of one compilation, resolved once.</summary>
internal sealed class RevocationSymbols
{
    /// <summary>The types whose <c>bool</c> property turns revocation checks on or off, by metadata name.</summary>
    private static readonly (string Type, string Property)[] SwitchProperties =
    {
        ("System.Net.Http.HttpClientHandler", "CheckCertificateRevocationList"),
        ("System.Net.Http.WinHttpHandler", "CheckCertificateRevocationList"),
        ("System.Net.ServicePointManager", "CheckCertificateRevocationList"),
        ("Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions", "CheckCertificateRevocation"),
    };

    private readonly ImmutableArray<(INamedTypeSymbol Type, string Property)> switches;

    private RevocationSymbols(
        INamedTypeSymbol? revocationMode,
        long noCheckValue,
        ImmutableArray<(INamedTypeSymbol Type, string Property)> switches,
        INamedTypeSymbol? sslStream)
    {
        RevocationMode = revocationMode;
        NoCheckValue = noCheckValue;
        this.switches = switches;
        SslStream = sslStream;
    }

    /// <summary><c>X509RevocationMode</c>, when it is referenced.</summary>
    public INamedTypeSymbol? RevocationMode { get; }

    /// <summary>The value of <c>X509RevocationMode.NoCheck</c>, read from the enum.</summary>
    public long NoCheckValue { get; }

    public INamedTypeSymbol? SslStream { get; }

    /// <summary>Resolves the types; returns null when no revocation setting is referenced.</summary>
    public static RevocationSymbols? TryCreate(Compilation compilation)
    {
        var revocationMode = KnownTypes.Find(compilation, "System.Security.Cryptography.X509Certificates.X509RevocationMode");
        var noCheckValue = 0L;
        if (revocationMode is not { TypeKind: TypeKind.Enum } || !ConstantBits.TryGetMember(revocationMode, "NoCheck", out noCheckValue))
        {
            revocationMode = null;
        }

        var switches = ImmutableArray.CreateBuilder<(INamedTypeSymbol, string)>();
        foreach (var (typeName, property) in SwitchProperties)
        {
            if (KnownTypes.Find(compilation, typeName) is { } type)
            {
                switches.Add((type, property));
            }
        }

        var sslStream = KnownTypes.Find(compilation, "System.Net.Security.SslStream");
        if (revocationMode is null && switches.Count == 0 && sslStream is null)
        {
            return null;
        }

        return new RevocationSymbols(revocationMode, noCheckValue, switches.ToImmutable(), sslStream);
    }

    /// <summary>Returns true for <c>X509RevocationMode</c>, also through <c>Nullable&lt;T&gt;</c>.</summary>
    public bool IsRevocationMode(ITypeSymbol? type)
    {
        // The type kind is tested first because it is cheaper than a symbol comparison.
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Struct, OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            && nullable.TypeArguments.Length == 1)
        {
            type = nullable.TypeArguments[0];
        }

        return RevocationMode is not null && type is { TypeKind: TypeKind.Enum } && SymbolEqualityComparer.Default.Equals(type, RevocationMode);
    }

    /// <summary>Returns true for a <c>bool</c> property that turns revocation checks on, such as <c>HttpClientHandler.CheckCertificateRevocationList</c>.</summary>
    public bool IsSwitch(IPropertySymbol property)
    {
        foreach (var (type, name) in switches)
        {
            if (property.Name == name && SymbolEqualityComparer.Default.Equals(property.ContainingType, type))
            {
                return true;
            }
        }

        return false;
    }
}
