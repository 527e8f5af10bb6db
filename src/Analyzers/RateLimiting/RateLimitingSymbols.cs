using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace NetSecAnalyzers.Analyzers.RateLimiting;

/// <summary>The ASP.NET Core routing, MVC and rate-limiting types of one compilation, resolved once.</summary>
internal sealed class RateLimitingSymbols
{
    // The types whose methods map endpoints, add rate-limiting conventions, middleware or policies. A loop
    // over these few is cheaper than a hash lookup, which every call of the project pays.
    private readonly INamedTypeSymbol[] invocationTypes;

    private RateLimitingSymbols(Compilation compilation, INamedTypeSymbol? endpointRouteBuilderExtensions, INamedTypeSymbol? routeTemplateProvider)
    {
        EndpointRouteBuilderExtensions = endpointRouteBuilderExtensions;
        RouteTemplateProvider = routeTemplateProvider;
        ConventionExtensions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.RateLimiterEndpointConventionBuilderExtensions");
        ApplicationBuilderExtensions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.RateLimiterApplicationBuilderExtensions");
        RateLimiterOptions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.RateLimiting.RateLimiterOptions");
        RateLimiterOptionsExtensions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.RateLimiting.RateLimiterOptionsExtensions");
        EnableRateLimitingAttribute = KnownTypes.Find(compilation, "Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute");
        DisableRateLimitingAttribute = KnownTypes.Find(compilation, "Microsoft.AspNetCore.RateLimiting.DisableRateLimitingAttribute");
        ControllerBase = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Mvc.ControllerBase");
        ControllerAttribute = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Mvc.ControllerAttribute");
        NonControllerAttribute = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Mvc.NonControllerAttribute");
        NonActionAttribute = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Mvc.NonActionAttribute");
        HttpMethodAttribute = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Mvc.Routing.HttpMethodAttribute");
        var types = new List<INamedTypeSymbol>();
        foreach (var type in new[] { EndpointRouteBuilderExtensions, ConventionExtensions, ApplicationBuilderExtensions, RateLimiterOptions, RateLimiterOptionsExtensions })
        {
            if (type is not null)
            {
                types.Add(type);
            }
        }

        invocationTypes = types.ToArray();
    }

    /// <summary>
    /// Returns true when <paramref name="type"/> declares a method that NETSEC070 reads, so that every other
    /// call is dismissed with one lookup.
    /// </summary>
    public bool DeclaresRelevantMethod(INamedTypeSymbol? type)
    {
        // The name test dismisses nearly every call of the project before any symbol comparison.
        switch (type?.Name)
        {
            case "EndpointRouteBuilderExtensions":
            case "RateLimiterEndpointConventionBuilderExtensions":
            case "RateLimiterApplicationBuilderExtensions":
            case "RateLimiterOptions":
            case "RateLimiterOptionsExtensions":
                break;
            default:
                return false;
        }

        // The types are static classes and a non-generic options class, so no call is made on a constructed form.
        foreach (var candidate in invocationTypes)
        {
            if (SymbolEqualityComparer.Default.Equals(type, candidate))
            {
                return true;
            }
        }

        return false;
    }

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
        var extensions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
        var templateProvider = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Mvc.Routing.IRouteTemplateProvider");
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
