namespace NetSecAnalyzers.Catalog;

/// <summary>
/// Default severity of a rule. The values map one to one onto Roslyn's <c>DiagnosticSeverity</c>
/// (Info, Warning, Error) and onto SARIF levels (note, warning, error).
/// </summary>
public enum RuleSeverity
{
    Info = 1,
    Warning = 2,
    Error = 3,
}
