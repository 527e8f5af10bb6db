using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.ConfigLinter.Output;

/// <summary>
/// The PascalCase name of each rule for SARIF's <c>reportingDescriptor.name</c>, taken from the name of its
/// constant in <see cref="RuleIds"/> so that the catalogue keeps one source for it.
/// </summary>
internal static class RuleNames
{
    private static readonly IReadOnlyDictionary<string, string> NameById = typeof(RuleIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .ToDictionary(field => (string)field.GetRawConstantValue()!, field => field.Name, StringComparer.Ordinal);

    /// <summary>Returns the rule's name, or its ID for a rule without a constant.</summary>
    public static string Of(RuleDefinition rule) => NameById.TryGetValue(rule.Id, out var name) ? name : rule.Id;
}
