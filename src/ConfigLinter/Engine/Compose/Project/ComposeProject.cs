using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Compose.Yaml;

namespace NetSecAnalyzers.ConfigLinter.Compose.Project;

/// <summary>
/// A compose application as Docker sees it: the main file merged with its override files, its includes
/// added and each service's <c>extends</c> applied.
/// </summary>
internal sealed class ComposeProject
{
    public ComposeProject(IReadOnlyList<ComposeService> services, MappingNode? networks, IReadOnlyList<ComposeSourceFile> files)
    {
        Services = services;
        Networks = networks;
        Files = files;
    }

    public IReadOnlyList<ComposeService> Services { get; }

    /// <summary>The top-level <c>networks</c> mapping, or null when the project declares none.</summary>
    public MappingNode? Networks { get; }

    /// <summary>Every file the project was read from, includes and <c>extends</c> files among them.</summary>
    public IReadOnlyList<ComposeSourceFile> Files { get; }
}

/// <summary>One service: its name as written and its definition after overrides and <c>extends</c>.</summary>
internal sealed class ComposeService
{
    public ComposeService(ScalarNode name, MappingNode definition)
    {
        NameNode = name;
        Definition = definition;
    }

    public string Name => NameNode.Value;

    public ScalarNode NameNode { get; }

    public MappingNode Definition { get; }
}
