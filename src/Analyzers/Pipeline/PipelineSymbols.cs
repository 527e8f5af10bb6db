using Microsoft.CodeAnalysis;

namespace NetSecAnalyzers.Analyzers.Pipeline;

/// <summary>
/// The ASP.NET Core types the pipeline model needs, resolved once per compilation. Types that a
/// compilation may lack (MVC, static files) are null and their steps are simply never seen.
/// </summary>
internal sealed class PipelineSymbols
{
    private PipelineSymbols(Compilation compilation, INamedTypeSymbol applicationBuilder)
    {
        ApplicationBuilder = applicationBuilder;
        WebApplication = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.WebApplication");
        WebApplicationBuilder = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.WebApplicationBuilder");
        HeaderDictionary = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Http.IHeaderDictionary");
        HstsOptions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.HttpsPolicy.HstsOptions");
        RequireHttpsAttribute = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Mvc.RequireHttpsAttribute");
        HttpsRedirectionExtensions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.HttpsPolicyBuilderExtensions");
        HstsExtensions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.HstsBuilderExtensions");
        ForwardedHeadersExtensions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.ForwardedHeadersExtensions");
        MiddlewareExtensions = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.UseMiddlewareExtensions");
    }

    public INamedTypeSymbol ApplicationBuilder { get; }

    public INamedTypeSymbol? WebApplication { get; }

    public INamedTypeSymbol? WebApplicationBuilder { get; }

    public INamedTypeSymbol? HeaderDictionary { get; }

    public INamedTypeSymbol? HstsOptions { get; }

    public INamedTypeSymbol? RequireHttpsAttribute { get; }

    public INamedTypeSymbol? HttpsRedirectionExtensions { get; }

    public INamedTypeSymbol? HstsExtensions { get; }

    public INamedTypeSymbol? ForwardedHeadersExtensions { get; }

    public INamedTypeSymbol? MiddlewareExtensions { get; }

    /// <summary>Resolves the types; returns null when the compilation does not reference ASP.NET Core.</summary>
    public static PipelineSymbols? TryCreate(Compilation compilation)
    {
        var applicationBuilder = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Builder.IApplicationBuilder");
        return applicationBuilder is null ? null : new PipelineSymbols(compilation, applicationBuilder);
    }

    /// <summary>Returns true for <see cref="ApplicationBuilder"/> and the types that implement it, such as <c>WebApplication</c>.</summary>
    public bool IsApplicationBuilder(ITypeSymbol? type) => Implements(type, ApplicationBuilder);

    /// <summary>Returns true for the host environment interfaces that <c>IsDevelopment()</c> extends.</summary>
    public static bool IsHostEnvironment(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "IWebHostEnvironment" or "IHostingEnvironment" or "IHostEnvironment" } named
        && named.ContainingNamespace?.ToDisplayString() is "Microsoft.AspNetCore.Hosting" or "Microsoft.Extensions.Hosting";

    public bool IsHeaderDictionary(ITypeSymbol? type) => HeaderDictionary is not null && Implements(type, HeaderDictionary);

    public static bool IsDeclaredBy(IMethodSymbol method, INamedTypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, type);

    private static bool Implements(ITypeSymbol? type, INamedTypeSymbol interfaceType)
    {
        if (type is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, interfaceType))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, interfaceType))
            {
                return true;
            }
        }

        return false;
    }
}
