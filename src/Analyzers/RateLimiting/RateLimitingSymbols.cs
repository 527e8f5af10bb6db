using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetSecAnalyzers.Analyzers.RateLimiting;

/// <summary>The ASP.NET Core routing, MVC and rate-limiting types of one compilation, resolved once.</summary>
internal sealed class RateLimitingSymbols
{
    // The types whose methods map endpoints, add rate-limiting conventions, middleware or policies.
    private readonly ImmutableHashSet<INamedTypeSymbol> invocationTypes;

    private RateLimitingSymbols(Compilation compilation, INamedTypeSymbol? endpointRouteBuilderExtensions, INamedTypeSymbol? routeTemplateProvider)
    {
        EndpointRouteBuilderExtensions = endpointRouteBuilderExtensions;
        RouteTemplateProvider = routeTemplateProvider;
        ConventionExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.RateLimiterEndpointConventionBuilderExtensions");
        ApplicationBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.RateLimiterApplicationBuilderExtensions");
        RateLimiterOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.RateLimiting.RateLimiterOptions");
        RateLimiterOptionsExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.RateLimiting.RateLimiterOptionsExtensions");
        EnableRateLimitingAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute");
        DisableRateLimitingAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.RateLimiting.DisableRateLimitingAttribute");
        ControllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
        ControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerAttribute");
        NonControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
        NonActionAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonActionAttribute");
        HttpMethodAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.Routing.HttpMethodAttribute");
        invocationTypes = new[] { EndpointRouteBuilderExtensions, ConventionExtensions, ApplicationBuilderExtensions, RateLimiterOptions, RateLimiterOptionsExtensions }
            .Where(type => type is not null)
            .Select(type => type!)
            .ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
    }

    /// <summary>
    /// Returns true when <paramref name="type"/> declares a method that NETSEC070 reads, so that every other
    /// call is dismissed with one lookup.
    /// </summary>
    public bool DeclaresRelevantMethod(INamedTypeSymbol? type) =>
        type is not null && invocationTypes.Contains(type.OriginalDefinition);

    /// <summary><c>MapGet</c>, <c>MapPost</c>, <c>MapMethods</c>, <c>Map</c> and <c>MapGroup</c>.</summary>
    public INamedTypeSymbol? EndpointRouteBuilderExtensions { get; }

    /// <summary><c>RequireRateLimiting</c> and <c>DisableRateLimiting</c> on endpoints and groups.</summary>
    public INamedTypeSymbol? ConventionExtensions { get; }

    /// <summary><c>UseRateLimiter</c>.</summary>
    public INamedTypeSymbol? ApplicationBuilderExtensions { get; }

    /// <summary>The options type of <c>AddRateLimiter</c>, with <c>GlobalLimiter</c> and <c>AddPolicy</c>.</summary>
    public INamedTypeSymbol? RateLimiterOptions { get; }

    /// <summary><c>AddFixedWindowLimiter</c> and the other named-policy helpers.</summary>
    public INamedTypeSymbol? RateLimiterOptionsExtensions { get; }

    public INamedTypeSymbol? EnableRateLimitingAttribute { get; }

    public INamedTypeSymbol? DisableRateLimitingAttribute { get; }

    /// <summary>MVC's <c>IRouteTemplateProvider</c>, which <c>[Route]</c> and <c>[HttpPost]</c> implement.</summary>
    public INamedTypeSymbol? RouteTemplateProvider { get; }

    public INamedTypeSymbol? ControllerBase { get; }

    /// <summary><c>[Controller]</c>, which <c>[ApiController]</c> derives from.</summary>
    public INamedTypeSymbol? ControllerAttribute { get; }

    public INamedTypeSymbol? NonControllerAttribute { get; }

    public INamedTypeSymbol? NonActionAttribute { get; }

    public INamedTypeSymbol? HttpMethodAttribute { get; }

    /// <summary>Resolves the types; returns null when neither endpoint routing nor MVC routing is referenced.</summary>
    public static RateLimitingSymbols? TryCreate(Compilation compilation)
    {
        var extensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
        var templateProvider = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.Routing.IRouteTemplateProvider");
        return extensions is null && templateProvider is null ? null : new RateLimitingSymbols(compilation, extensions, templateProvider);
    }

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);

    /// <summary>Returns whether <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        for (var current = type; current is not null && baseType is not null; current = current.BaseType)
        {
            if (Is(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
