using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Tests.Catalog;

/// <summary>
/// Every rule the linter implements has, in this assembly, at least one test that expects a finding and one
/// near miss that expects none, both tagged with the rule's ID.
/// </summary>
public sealed class RuleTestCoverageTests
{
    private const RuleTargets LinterTargets = RuleTargets.Nginx | RuleTargets.Firewall | RuleTargets.Compose;

    [Fact]
    public void LinterRules_HavePositiveAndNearMissTests()
    {
        var testsByRule = TestMethodsByRule();
        var gaps = new List<string>();
        foreach (var rule in RuleCatalog.All.Where(rule => (rule.ImplementedTargets & LinterTargets) != 0))
        {
            testsByRule.TryGetValue(rule.Id, out var names);
            names ??= new List<string>();
            if (!names.Any(name => name.EndsWith("_Reports", StringComparison.Ordinal)))
            {
                gaps.Add(rule.Id + " has no *_Reports test");
            }

            if (!names.Any(name => name.EndsWith("_NoDiagnostic", StringComparison.Ordinal)))
            {
                gaps.Add(rule.Id + " has no *_NoDiagnostic test");
            }
        }

        Assert.True(gaps.Count == 0, string.Join(Environment.NewLine, gaps));
    }

    private static Dictionary<string, List<string>> TestMethodsByRule()
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var methods = typeof(RuleTestCoverageTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(method => method.GetCustomAttributes<FactAttribute>(inherit: true).Any());
        foreach (var method in methods)
        {
            // TraitAttribute keeps its name and value only as constructor arguments. A trait on the class
            // applies to each of its tests.
            var ruleIds = method.GetCustomAttributesData()
                .Concat(method.DeclaringType!.GetCustomAttributesData())
                .Where(data => data.AttributeType == typeof(TraitAttribute))
                .Where(data => (string?)data.ConstructorArguments[0].Value == "Rule")
                .Select(data => (string)data.ConstructorArguments[1].Value!);
            foreach (var id in ruleIds)
            {
                if (!result.TryGetValue(id, out var names))
                {
                    names = new List<string>();
                    result[id] = names;
                }

                names.Add(method.Name);
            }
        }

        return result;
    }
}
