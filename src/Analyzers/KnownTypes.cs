using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace NetSecAnalyzers.Analyzers;

/// <summary>
/// Resolves the framework types that the analyzers compare symbols with, once per compilation for all of
/// them. <see cref="Compilation.GetTypeByMetadataName"/> searches every referenced assembly for each name,
/// 307 assemblies with the .NET 10 and ASP.NET Core 10 reference packs. This lookup walks the compilation's
/// merged namespaces instead, which the compiler also builds for its own binding. In the analyzer
/// benchmark's compilation the 31 names of the certificate, cipher, pipeline and rate-limiting rules took
/// 2.2 ms through <see cref="Compilation.GetTypeByMetadataName"/> and 0.9 to 2.0 ms through this walk,
/// merging included (2 cores, shared machine, so an estimate).
/// </summary>
internal static class KnownTypes
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, INamedTypeSymbol?>> PerCompilation = new();

    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, INamedTypeSymbol?>>.CreateValueCallback CreateCache =
        _ => new ConcurrentDictionary<string, INamedTypeSymbol?>(System.StringComparer.Ordinal);

    /// <summary>
    /// Returns the top-level, non-generic type named <paramref name="fullName"/> (such as
    /// <c>System.Net.Http.HttpClientHandler</c>), or null. Like <see cref="Compilation.GetTypeByMetadataName"/>,
    /// a type declared in the compilation wins, then one in the core library, and a name that several other
    /// referenced assemblies declare publicly is ambiguous and resolves to null.
    /// </summary>
    public static INamedTypeSymbol? Find(Compilation compilation, string fullName)
    {
        var cache = PerCompilation.GetValue(compilation, CreateCache);
        if (cache.TryGetValue(fullName, out var type))
        {
            return type;
        }

        type = Resolve(compilation, fullName);
        cache.TryAdd(fullName, type);
        return type;
    }

    private static INamedTypeSymbol? Resolve(Compilation compilation, string fullName)
    {
        INamespaceSymbol? current = compilation.GlobalNamespace;
        var start = 0;
        int dot;
        while ((dot = fullName.IndexOf('.', start)) >= 0)
        {
            current = ChildNamespace(current, fullName.Substring(start, dot - start));
            if (current is null)
            {
                return null;
            }

            start = dot + 1;
        }

        var name = fullName.Substring(start);
        INamedTypeSymbol? fromCoreLibrary = null;
        INamedTypeSymbol? fromReference = null;
        var references = 0;
        foreach (var candidate in current.GetTypeMembers(name, 0))
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly))
            {
                return candidate;
            }

            if (candidate.DeclaredAccessibility != Accessibility.Public)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.ObjectType.ContainingAssembly))
            {
                fromCoreLibrary = candidate;
            }
            else
            {
                fromReference = candidate;
                references++;
            }
        }

        return fromCoreLibrary ?? (references == 1 ? fromReference : null);
    }

    private static INamespaceSymbol? ChildNamespace(INamespaceSymbol parent, string name)
    {
        foreach (var member in parent.GetMembers(name))
        {
            if (member is INamespaceSymbol child)
            {
                return child;
            }
        }

        return null;
    }
}
