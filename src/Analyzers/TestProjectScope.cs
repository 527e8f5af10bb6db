using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetSecAnalyzers.Analyzers;

/// <summary>
/// Decides whether the analyzers look at a file. Test projects are skipped by default, because their
/// code sets insecure values on purpose, against local test servers or to test the checks themselves.
/// A project counts as a test project when MSBuild marks it with <c>IsTestProject</c> (the test SDKs set
/// it) or when it references a test framework. <c>netsec.include_test_projects = true</c>, in an
/// <c>.editorconfig</c> section or a global config file, analyzes them like any other project.
/// </summary>
internal sealed class TestProjectScope
{
    public const string IncludeTestProjectsKey = "netsec.include_test_projects";

    // The package's build props make this property visible to analyzers; without the package's props it
    // is absent and the referenced test frameworks decide.
    private const string IsTestProjectKey = "build_property.IsTestProject";

    private static readonly string[] TestFrameworkAssemblies =
    {
        "xunit.core",
        "xunit.v3.core",
        "nunit.framework",
        "Microsoft.VisualStudio.TestPlatform.TestFramework",
        "TUnit.Core",
    };

    private readonly AnalyzerConfigOptionsProvider options;
    private readonly bool isTestProject;

    private TestProjectScope(AnalyzerConfigOptionsProvider options, bool isTestProject)
    {
        this.options = options;
        this.isTestProject = isTestProject;
    }

    public static TestProjectScope Create(Compilation compilation, AnalyzerOptions analyzerOptions)
    {
        var provider = analyzerOptions.AnalyzerConfigOptionsProvider;
        return new TestProjectScope(provider, IsTestProject(provider.GlobalOptions, compilation));
    }

    /// <summary>Returns true when the analyzers report in <paramref name="tree"/>.</summary>
    public bool Includes(SyntaxTree tree) =>
        !isTestProject
        || IsSetToTrue(options.GetOptions(tree), IncludeTestProjectsKey)
        || IsSetToTrue(options.GlobalOptions, IncludeTestProjectsKey);

    private static bool IsTestProject(AnalyzerConfigOptions globalOptions, Compilation compilation)
    {
        // An explicit IsTestProject = false wins over the references, for a helper library that
        // references a test framework but ships production code.
        if (globalOptions.TryGetValue(IsTestProjectKey, out var value) && bool.TryParse(value, out var isTestProject))
        {
            return isTestProject;
        }

        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            if (Array.IndexOf(TestFrameworkAssemblies, assembly.Name) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns true when <paramref name="key"/> is set to <c>true</c> in <paramref name="options"/>.</summary>
    internal static bool IsSetToTrue(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && bool.TryParse(value, out var enabled) && enabled;
}
