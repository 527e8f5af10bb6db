using Microsoft.CodeAnalysis;

namespace NetSecAnalyzers.Analyzers.Flow;

/// <summary>A reported constant with the setting it reaches, for rules whose message names that setting.</summary>
internal sealed class WrittenConstant : ConstantFinding
{
    public WrittenConstant(IOperation expression, SettingWrite write)
        : base(expression)
    {
        Write = write;
    }

    public SettingWrite Write { get; }

    /// <summary>Writes the setting with this constant for a message, such as <c>KestrelServerOptions.AddServerHeader = true</c>.</summary>
    public string DescribeSetting() => Write.Describe(Expression);

    /// <summary>
    /// Keeps the finding whose write comes first in the source, so that a constant reaching several settings
    /// gets the same message whatever order the writes were collected in.
    /// </summary>
    public static WrittenConstant First(WrittenConstant existing, WrittenConstant other)
    {
        var existingSyntax = existing.Write.Value.Syntax;
        var otherSyntax = other.Write.Value.Syntax;
        var byFile = string.CompareOrdinal(existingSyntax.SyntaxTree.FilePath, otherSyntax.SyntaxTree.FilePath);
        if (byFile != 0)
        {
            return byFile < 0 ? existing : other;
        }

        return otherSyntax.SpanStart < existingSyntax.SpanStart ? other : existing;
    }
}
