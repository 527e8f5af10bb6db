using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.CodeFixes;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.CodeFixes;

namespace NetSecAnalyzers.Analyzers.Tests.Meta;

/// <summary>
/// Keeps the test suite honest: every C# rule has a positive, a near-miss and, where it has a code fix,
/// a fix test, all found by their names and their <c>Rule</c> trait.
/// </summary>
public class RuleTestCoverageTests
{
    private const string RuleTrait = "Rule";

    private static readonly string[] ScenarioSuffixes = { "_Reports", "_NoDiagnostic", "_Fix" };

    public static TheoryData<string> CSharpRules()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All.Where(rule => rule.IsImplementedFor(RuleTargets.CSharp)))
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CSharpRules))]
    [Trait("Category", "Meta")]
    public void EveryCSharpRule_HasReportsAndNoDiagnosticTests(string ruleId)
    {
        var names = TestsWithRuleTrait(ruleId).Select(test => test.Name).ToList();

        Assert.Contains(names, name => name.EndsWith("_Reports", StringComparison.Ordinal));
        Assert.Contains(names, name => name.EndsWith("_NoDiagnostic", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CSharpRules))]
    [Trait("Category", "Meta")]
    public void EveryFixableRule_HasFixTests(string ruleId)
    {
        if (!CodeFixProviders().Any(provider => provider.FixableDiagnosticIds.Contains(ruleId)))
        {
            return;
        }

        var names = TestsWithRuleTrait(ruleId).Select(test => test.Name).ToList();

        Assert.Contains(names, name => name.EndsWith("_Fix", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Category", "Meta")]
    public void RuleTests_HaveScenarioNamesAndKnownRules()
    {
        var ruleTests = TestMethods().Where(method => RuleTraits(method).Any()).ToList();

        Assert.NotEmpty(ruleTests);
        foreach (var test in ruleTests)
        {
            var label = test.DeclaringType!.Name + "." + test.Name;
            Assert.True(ScenarioSuffixes.Any(suffix => test.Name.EndsWith(suffix, StringComparison.Ordinal)), label + " does not end in _Reports, _NoDiagnostic or _Fix.");
            Assert.All(RuleTraits(test), id => Assert.True(RuleCatalog.TryGet(id, out _), label + " names unknown rule " + id + "."));
        }
    }

    [Fact]
    [Trait("Category", "Meta")]
    public void EveryTest_HasRuleOrMetaTrait()
    {
        foreach (var test in TestMethods())
        {
            var traits = test.GetCustomAttributesData().Where(attribute => attribute.AttributeType == typeof(TraitAttribute)).ToList();

            Assert.True(traits.Count > 0, test.DeclaringType!.Name + "." + test.Name + " has no Rule or Category trait.");
        }
    }

    private static IEnumerable<MethodInfo> TestsWithRuleTrait(string ruleId) =>
        TestMethods().Where(method => RuleTraits(method).Contains(ruleId));

    private static IEnumerable<MethodInfo> TestMethods() =>
        typeof(RuleTestCoverageTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(method => method.IsDefined(typeof(FactAttribute), inherit: true));

    private static IEnumerable<string> RuleTraits(MethodInfo method) =>
        method.GetCustomAttributesData()
            .Where(attribute => attribute.AttributeType == typeof(TraitAttribute)
                && (string?)attribute.ConstructorArguments[0].Value == RuleTrait)
            .Select(attribute => (string)attribute.ConstructorArguments[1].Value!);

    private static IEnumerable<CodeFixProvider> CodeFixProviders() =>
        typeof(LegacyTlsProtocolCodeFixProvider).Assembly.GetTypes()
            .Where(type => typeof(CodeFixProvider).IsAssignableFrom(type) && !type.IsAbstract)
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!);
}
