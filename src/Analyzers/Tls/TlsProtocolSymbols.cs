using Microsoft.CodeAnalysis;

namespace NetSecAnalyzers.Analyzers.Tls;

/// <summary>The protocol enums and TLS types of one compilation, resolved once.</summary>
internal sealed class TlsProtocolSymbols
{
    private TlsProtocolSymbols(ProtocolEnum? sslProtocols, ProtocolEnum? securityProtocolType, INamedTypeSymbol? sslStream)
    {
        SslProtocols = sslProtocols;
        SecurityProtocolType = securityProtocolType;
        SslStream = sslStream;
    }

    public ProtocolEnum? SslProtocols { get; }

    public ProtocolEnum? SecurityProtocolType { get; }

    public INamedTypeSymbol? SslStream { get; }

    /// <summary>Resolves the types; returns null when neither protocol enum is referenced.</summary>
    public static TlsProtocolSymbols? TryCreate(Compilation compilation)
    {
        var sslProtocols = ProtocolEnum.TryCreate(
            KnownTypes.Find(compilation, "System.Security.Authentication.SslProtocols"), "None");
        var securityProtocolType = ProtocolEnum.TryCreate(
            KnownTypes.Find(compilation, "System.Net.SecurityProtocolType"), "SystemDefault");
        if (sslProtocols is null && securityProtocolType is null)
        {
            return null;
        }

        return new TlsProtocolSymbols(
            sslProtocols,
            securityProtocolType,
            KnownTypes.Find(compilation, "System.Net.Security.SslStream"));
    }

    /// <summary>Returns the protocol enum that <paramref name="type"/> is, also through <c>Nullable&lt;T&gt;</c>.</summary>
    public ProtocolEnum? Find(ITypeSymbol? type)
    {
        // Most types are neither enums nor nullable ones, and the type kind is cheaper to read than a
        // symbol comparison.
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Struct, OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            && nullable.TypeArguments.Length == 1)
        {
            type = nullable.TypeArguments[0];
        }

        if (type is not { TypeKind: TypeKind.Enum })
        {
            return null;
        }

        if (SslProtocols is not null && SymbolEqualityComparer.Default.Equals(type, SslProtocols.Type))
        {
            return SslProtocols;
        }

        if (SecurityProtocolType is not null && SymbolEqualityComparer.Default.Equals(type, SecurityProtocolType.Type))
        {
            return SecurityProtocolType;
        }

        return null;
    }
}
