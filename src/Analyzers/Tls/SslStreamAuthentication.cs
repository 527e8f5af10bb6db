using Microsoft.CodeAnalysis;

namespace NetSecAnalyzers.Analyzers.Tls;

internal static class SslStreamAuthentication
{
    /// <summary>Returns true for <c>AuthenticateAsClient</c>, <c>AuthenticateAsServer</c> and their <c>Async</c> forms, also on subclasses.</summary>
    public static bool Is(IMethodSymbol method, INamedTypeSymbol? sslStream)
    {
        if (sslStream is null || !method.Name.StartsWith("AuthenticateAs", System.StringComparison.Ordinal))
        {
            return false;
        }

        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, sslStream))
            {
                return true;
            }
        }

        return false;
    }
}
