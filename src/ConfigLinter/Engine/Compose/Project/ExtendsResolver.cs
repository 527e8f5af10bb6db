using System;
using System.Collections.Generic;
using System.IO;
using NetSecAnalyzers.ConfigLinter.Compose.Yaml;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Compose.Project;

/// <summary>
/// Applies a service's <c>extends</c>: the named service, from the same file or from <c>file:</c>, is
/// resolved first and the extending service is merged onto it as an override.
/// </summary>
internal sealed class ExtendsResolver
{
    private readonly ComposeProjectLoader loader;
    private readonly DiagnosticBag diagnostics;

    public ExtendsResolver(ComposeProjectLoader loader, DiagnosticBag diagnostics)
    {
        this.loader = loader;
        this.diagnostics = diagnostics;
    }

    public MappingNode Resolve(MappingNode definition, string serviceName, List<ComposeSourceFile> usedFiles) =>
        Resolve(definition, serviceName, usedFiles, new HashSet<string>(StringComparer.Ordinal));

    private MappingNode Resolve(MappingNode definition, string serviceName, List<ComposeSourceFile> usedFiles, HashSet<string> visiting)
    {
        var extendsNode = definition.Get("extends");
        if (extendsNode is null)
        {
            return definition;
        }

        var (baseName, fileNode) = extendsNode switch
        {
            ScalarNode scalar => (ComposeValues.Text(scalar), null),
            MappingNode mapping => (ComposeValues.Text(mapping.Get("service")), mapping.Get("file") as ScalarNode),
            _ => ((string?)null, (ScalarNode?)null),
        };
        if (baseName is null)
        {
            return definition;
        }

        var currentFile = extendsNode.File;
        var baseFile = currentFile;
        var fileText = ComposeValues.Text(fileNode);
        if (fileText is not null && currentFile is not null)
        {
            var path = Path.GetFullPath(Path.Combine(ComposeProjectLoader.Folder(currentFile.FilePath), fileText));
            baseFile = loader.ReadFile(path, currentFile.Variables, fileNode!.Location);
        }

        if (baseFile is null)
        {
            return definition;
        }

        var visitKey = PathIdentity.RealPath(baseFile.FilePath) + "|" + baseName;
        if (!visiting.Add(visitKey))
        {
            diagnostics.Notify(new LintNotification(
                ComposeNotificationCodes.Reference,
                NotificationLevel.Warning,
                "Service '" + serviceName + "' extends '" + baseName + "', which extends it back; Compose rejects the cycle.",
                extendsNode.Location));
            return definition;
        }

        if (baseFile.Root?.Get("services") is not MappingNode baseServices || baseServices.Get(baseName) is not MappingNode baseDefinition)
        {
            diagnostics.Notify(new LintNotification(
                ComposeNotificationCodes.Reference,
                NotificationLevel.Warning,
                "Service '" + serviceName + "' extends '" + baseName + "', which '" + baseFile.FilePath + "' does not define.",
                extendsNode.Location));
            return definition;
        }

        usedFiles.Add(baseFile);
        var resolvedBase = Resolve(baseDefinition, baseName, usedFiles, visiting);
        visiting.Remove(visitKey);
        return ComposeMerge.Merge(resolvedBase, definition) as MappingNode ?? definition;
    }
}
