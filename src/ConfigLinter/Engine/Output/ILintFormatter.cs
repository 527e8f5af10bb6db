using System.IO;

namespace NetSecAnalyzers.ConfigLinter.Output;

/// <summary>Writes a lint result in one output format. Formatters only present; they never filter or decide.</summary>
public interface ILintFormatter
{
    void Write(LintResult result, TextWriter writer);
}
