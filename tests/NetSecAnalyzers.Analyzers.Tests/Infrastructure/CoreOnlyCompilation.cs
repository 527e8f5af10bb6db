using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetSecAnalyzers.Analyzers.Tests.Infrastructure;

/// <summary>
/// A compilation that references only <c>System.Runtime</c>, for checking that an analyzer turns itself
/// off when the API it is about is not referenced, even where the source declares look-alike types.
/// </summary>
internal static class CoreOnlyCompilation
{
    public static CSharpCompilation Create(string source)
    {
        var coreOnly = SdkReferenceAssemblies.MetadataReferences
            .Where(reference => Path.GetFileName(reference.Display) == "System.Runtime.dll")
            .ToImmutableArray();
        if (coreOnly.Length != 1)
        {
            throw new System.InvalidOperationException("Expected exactly one System.Runtime.dll in the SDK reference assemblies, found " + coreOnly.Length + ".");
        }

        return CSharpCompilation.Create(
            "CoreOnly",
            new[] { CSharpSyntaxTree.ParseText(source) },
            coreOnly,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    /// <summary>Runs the analyzer and returns every diagnostic, the compiler's included.</summary>
    public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(CSharpCompilation compilation, DiagnosticAnalyzer analyzer) =>
        compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAllDiagnosticsAsync();
}
