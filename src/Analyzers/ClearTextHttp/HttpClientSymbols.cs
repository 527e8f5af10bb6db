using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace NetSecAnalyzers.Analyzers.ClearTextHttp;

/// <summary>The types that send requests to a URI, resolved once per compilation.</summary>
internal sealed class HttpClientSymbols
{
    /// <summary>Types whose URI properties and arguments set where requests go, by metadata name.</summary>
    private static readonly string[] ClientTypeNames =
    {
        "System.Net.Http.HttpClient",
        "System.Net.Http.HttpRequestMessage",
        "System.Net.WebRequest",
        "System.Net.WebClient",
        "Grpc.Net.Client.GrpcChannel",
    };

    /// <summary>The properties that hold a request's address or the base of it.</summary>
    private static readonly string[] AddressProperties = { "BaseAddress", "RequestUri" };

    /// <summary>The names these types give a parameter that takes a request's address.</summary>
    private static readonly string[] AddressParameters = { "requestUri", "requestUriString", "address" };

    private readonly ImmutableArray<INamedTypeSymbol> clientTypes;

    private HttpClientSymbols(INamedTypeSymbol uri, ImmutableArray<INamedTypeSymbol> clientTypes)
    {
        Uri = uri;
        this.clientTypes = clientTypes;
    }

    public INamedTypeSymbol Uri { get; }

    /// <summary>Resolves the types; returns null when none of the client types is referenced.</summary>
    public static HttpClientSymbols? TryCreate(Compilation compilation)
    {
        var uri = KnownTypes.Find(compilation, "System.Uri");
        var clientTypes = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in ClientTypeNames)
        {
            if (KnownTypes.Find(compilation, name) is { } type)
            {
                clientTypes.Add(type);
            }
        }

        return uri is null || clientTypes.Count == 0 ? null : new HttpClientSymbols(uri, clientTypes.ToImmutable());
    }

    /// <summary>Returns true for <c>string</c> and <c>System.Uri</c>, the types a request address is written in.</summary>
    public bool IsAddressType(ITypeSymbol? type) =>
        type?.SpecialType == SpecialType.System_String
        || (type is { TypeKind: TypeKind.Class, Name: nameof(System.Uri) } && SymbolEqualityComparer.Default.Equals(type, Uri));

    public bool IsAddressProperty(IPropertySymbol property) =>
        Array.IndexOf(AddressProperties, property.Name) >= 0 && IsClientType(property.ContainingType);

    /// <summary>
    /// Returns true for a <c>requestUri</c> or <c>address</c> parameter of a client type's method or
    /// constructor, or of an extension method on a client type such as <c>GetFromJsonAsync</c>.
    /// </summary>
    public bool IsAddressParameter(IMethodSymbol method, IParameterSymbol parameter) =>
        Array.IndexOf(AddressParameters, parameter.Name) >= 0
        && IsAddressType(parameter.Type)
        && IsClientType(TargetType(method));

    /// <summary>Returns the type a call acts on: the receiver of an extension method, otherwise the declaring type.</summary>
    public static ITypeSymbol TargetType(IMethodSymbol method)
    {
        var definition = method.ReducedFrom ?? method;
        return definition.IsExtensionMethod && definition.Parameters.Length > 0
            ? definition.Parameters[0].Type
            : method.ContainingType;
    }

    private bool IsClientType(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var clientType in clientTypes)
            {
                if (SymbolEqualityComparer.Default.Equals(current, clientType))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
