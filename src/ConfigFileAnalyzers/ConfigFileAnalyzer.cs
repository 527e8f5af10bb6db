using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NetSecAnalyzers.ConfigLinter;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigFiles;

/// <summary>
/// Lints the project's nginx, firewall and compose files (its AdditionalFiles) with the config linter
/// engine and reports each finding at its place in the file. Findings that a <c>netsec-disable</c>
/// comment covers are not reported.
/// </summary>
/// <remarks>
/// One compilation action lints all files together, because an nginx main file and the files it
/// includes are one configuration. The texts come from the host, so the IDE analyzes unsaved edits.
/// Read problems (nginx syntax errors, missing includes) have no rule ID and are left to the
/// <c>netsec</c> tool.
/// NOTE: the compiler applies <c>dotnet_diagnostic.ID.severity</c> from <c>.editorconfig</c> sections only
/// to C# files, so for config files only global config files (and properties such as WarningsAsErrors)
/// change the severity; the tests show a <c>[*.conf]</c> section leaving it unchanged.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigFileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ConfigFileDescriptors.Supported;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();

        context.RegisterCompilationAction(AnalyzeConfigFiles);
    }

    private static void AnalyzeConfigFiles(CompilationAnalysisContext context)
    {
        var additionalFiles = context.Options.AdditionalFiles;
        if (additionalFiles.IsEmpty)
        {
            return;
        }

        var texts = new Dictionary<string, SourceText>();
        var files = new List<ConfigFileText>();
        var keyParts = new List<(string Path, SourceText Text, string SettingsKey)>();
        var optionGroups = new Dictionary<string, SettingsGroup>();
        foreach (var additionalFile in additionalFiles)
        {
            var text = additionalFile.GetText(context.CancellationToken);
            if (text is null || texts.ContainsKey(additionalFile.Path) || !Path.IsPathRooted(additionalFile.Path))
            {
                continue;
            }

            texts[additionalFile.Path] = text;
            files.Add(new ConfigFileText(additionalFile.Path, text.ToString()));
            var fileOptions = context.Options.AnalyzerConfigOptionsProvider.GetOptions(additionalFile);
            var settings = ConfigFileSettings.Read(fileOptions);
            keyParts.Add((additionalFile.Path, text, settings.Key));
            if (!optionGroups.TryGetValue(settings.Key, out var group))
            {
                group = new SettingsGroup(settings.Options);
                optionGroups[settings.Key] = group;
            }

            group.Paths.Add(additionalFile.Path);
        }

        var findings = LintResultCache.GetOrAdd(LintResultCache.KeyFor(keyParts), () => Lint(files, optionGroups.Values, context));
        foreach (var finding in findings)
        {
            Report(context, finding, texts);
        }
    }

    /// <summary>Lints every group of files that share settings, and returns the findings no comment suppresses.</summary>
    private static IReadOnlyList<Finding> Lint(IReadOnlyList<ConfigFileText> files, IEnumerable<SettingsGroup> groups, CompilationAnalysisContext context)
    {
        var engine = new LintEngine();
        var findings = new List<Finding>();
        foreach (var group in groups)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var baseDirectory = Path.GetPathRoot(group.Paths[0]) ?? group.Paths[0];
            var result = engine.LintTexts(files, group.Paths, group.Options, baseDirectory);
            findings.AddRange(result.Findings.Where(finding => !finding.IsSuppressed));
        }

        return findings;
    }

    private static void Report(CompilationAnalysisContext context, Finding finding, IReadOnlyDictionary<string, SourceText> texts)
    {
        var descriptor = ConfigFileDescriptors.ForReporting(finding.Rule.Id);
        if (descriptor is null || !texts.TryGetValue(finding.Location.FilePath, out var text))
        {
            return;
        }

        var location = ToLocation(finding.Location, text);
        var additionalLocations = finding.RelatedLocations
            .Where(related => texts.ContainsKey(related.Location.FilePath))
            .Select(related => ToLocation(related.Location, texts[related.Location.FilePath]));
        context.ReportDiagnostic(Diagnostic.Create(descriptor, location, additionalLocations, finding.Message));
    }

    /// <summary>Converts the engine's 1-based line and column, with an exclusive end, to a Roslyn location.</summary>
    private static Location ToLocation(SourceLocation source, SourceText text)
    {
        var start = Position(text, source.StartLine, source.StartColumn);
        var end = Position(text, source.EndLine, source.EndColumn);
        if (end < start)
        {
            end = start;
        }

        var span = TextSpan.FromBounds(start, end);
        return Location.Create(source.FilePath, span, text.Lines.GetLinePositionSpan(span));
    }

    private static int Position(SourceText text, int line, int column)
    {
        if (text.Lines.Count == 0)
        {
            return 0;
        }

        var textLine = text.Lines[System.Math.Min(line, text.Lines.Count) - 1];
        return System.Math.Min(textLine.Start + column - 1, textLine.EndIncludingLineBreak);
    }

    private sealed class SettingsGroup
    {
        public SettingsGroup(LintOptions options) => Options = options;

        public LintOptions Options { get; }

        public List<string> Paths { get; } = new();
    }
}
