using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetSecAnalyzers.Analyzers.Tests.Infrastructure;

namespace NetSecAnalyzers.Analyzers.Tests.CertificateValidationDisabled;

/// <summary>
/// Compiles the C# examples of docs/rules/NETSEC020.md: the non-compliant one is reported on exactly the
/// lines marked <c>// NETSEC020</c>, and the compliant one is not reported at all.
/// </summary>
public class CertificateValidationDisabledDocTests
{
    private const string MarkerComment = "// NETSEC020";

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public async Task NonCompliantDocExample_Reports()
    {
        var source = CSharpExampleUnder("## Non-compliant examples");

        var reportedLines = await ReportedLinesAsync(source);

        var markedLines = source.Split('\n')
            .Select((line, index) => (line, index))
            .Where(entry => entry.line.Contains(MarkerComment, StringComparison.Ordinal))
            .Select(entry => entry.index)
            .ToList();
        Assert.NotEmpty(markedLines);
        Assert.Equal(markedLines, reportedLines);
    }

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public async Task CompliantDocExample_NoDiagnostic()
    {
        var source = CSharpExampleUnder("## Compliant examples");

        var reportedLines = await ReportedLinesAsync(source);

        Assert.Empty(reportedLines);
    }

    /// <summary>
    /// Returns the zero-based lines that NETSEC020 reports in <paramref name="source"/>, each once. A
    /// diagnostic that spans several lines counts for its last line, where the docs put the marker.
    /// </summary>
    private static async Task<ImmutableArray<int>> ReportedLinesAsync(string source)
    {
        var compilation = CSharpCompilation.Create(
            "DocExample",
            new[] { CSharpSyntaxTree.ParseText(source) },
            SdkReferenceAssemblies.MetadataReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CertificateValidationDisabledAnalyzer()))
            .GetAllDiagnosticsAsync();

        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error && diagnostic.Id.StartsWith("CS", StringComparison.Ordinal));
        return diagnostics
            .Where(diagnostic => diagnostic.Id == "NETSEC020")
            .Select(diagnostic => diagnostic.Location.GetLineSpan().EndLinePosition.Line)
            .Distinct()
            .OrderBy(line => line)
            .ToImmutableArray();
    }

    private static string CSharpExampleUnder(string heading)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "rules", "NETSEC020.md")).Replace("\r\n", "\n");
        var section = page.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(section >= 0, "NETSEC020.md has no heading " + heading + ".");
        var start = page.IndexOf("```csharp\n", section, StringComparison.Ordinal) + "```csharp\n".Length;
        var end = page.IndexOf("```", start, StringComparison.Ordinal);
        return page.Substring(start, end - start);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NetSecAnalyzers.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("NetSecAnalyzers.sln was not found above " + AppContext.BaseDirectory + ".");
    }
}
