using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.Analyzers.Tests.Meta;

/// <summary>The Roslyn descriptors and the analyzers agree with the rule catalogue.</summary>
public class DescriptorCatalogTests
{
    public static TheoryData<string> DescriptorIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllDescriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    [Trait("Category", "Meta")]
    public void Descriptor_MatchesCatalogue(string id)
    {
        var descriptor = AllDescriptors().Single(candidate => candidate.Id == id);
        Assert.True(RuleCatalog.TryGet(id, out var rule), id + " is not in the catalogue.");

        Assert.Equal(rule.Id, descriptor.Id);
        Assert.Equal(rule.Title, descriptor.Title.ToString());
        Assert.Equal(rule.MessageFormat, descriptor.MessageFormat.ToString());
        Assert.Equal(rule.Description, descriptor.Description.ToString());
        Assert.Equal(rule.Category, descriptor.Category);
        Assert.Equal(ToRoslyn(rule.DefaultSeverity), descriptor.DefaultSeverity);
        Assert.Equal(rule.HelpUri, descriptor.HelpLinkUri);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.Contains(rule.CweId, descriptor.CustomTags);
    }

    [Fact]
    [Trait("Category", "Meta")]
    public void EveryCSharpRule_HasDescriptor()
    {
        var ids = AllDescriptors().Select(descriptor => descriptor.Id).ToHashSet();

        foreach (var rule in RuleCatalog.All.Where(rule => rule.IsImplementedFor(RuleTargets.CSharp)))
        {
            Assert.True(ids.Contains(rule.Id), rule.Id + " is implemented for C# but has no descriptor.");
        }
    }

    [Fact]
    [Trait("Category", "Meta")]
    public void EveryAnalyzer_UsesCatalogueDescriptors()
    {
        var descriptors = AllDescriptors().ToList();
        var analyzers = typeof(Descriptors).Assembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToList();

        Assert.NotEmpty(analyzers);
        foreach (var analyzer in analyzers)
        {
            Assert.All(analyzer.SupportedDiagnostics, supported => Assert.Contains(supported, descriptors));
        }
    }

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!);

    private static DiagnosticSeverity ToRoslyn(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Info => DiagnosticSeverity.Info,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        RuleSeverity.Error => DiagnosticSeverity.Error,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown rule severity."),
    };
}
