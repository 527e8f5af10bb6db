using System.IO;
using NetSecAnalyzers.ConfigLinter.Output;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Output;

/// <summary>
/// A real compiler SARIF log, captured from <c>dotnet build -p:ErrorLog=FILE%2Cversion=2.1</c> of a small
/// ASP.NET Core project with the NETSEC analyzers: a CS0168 warning, NETSEC036, NETSEC070, and a NETSEC070
/// suppressed with <c>#pragma</c>. The captured rules list was pruned to the rules its results use, with
/// the indexes renumbered, and the project folder replaced by <c>__ROOT__</c>, which <see cref="Write"/>
/// turns into a temporary folder that contains the project's <c>src/Program.cs</c>.
/// </summary>
internal static class CompilerLogFixture
{
    public const string LogName = "compiler-tiny.sarif";

    private const string RootPlaceholder = "file:///__ROOT__/";

    /// <summary>Writes the log as <paramref name="logName"/> and the source it points at into <paramref name="folder"/>; returns the log's text.</summary>
    public static string Write(TemporaryFolder folder, string logName = LogName)
    {
        var fixtures = Path.Combine(RepositoryRoot.Find(), "tests", "NetSecAnalyzers.ConfigLinter.Tests", "Output", "Fixtures");
        folder.Write(Path.Combine("src", "Program.cs"), File.ReadAllText(Path.Combine(fixtures, "compiler-tiny.Program.cs.txt")));
        var log = File.ReadAllText(Path.Combine(fixtures, LogName))
            .Replace(RootPlaceholder, PathDisplay.ToFileUri(folder.Path, isDirectory: true));
        folder.Write(logName, log);
        return log;
    }
}
