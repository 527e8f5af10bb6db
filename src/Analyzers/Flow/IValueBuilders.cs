using Microsoft.CodeAnalysis;

namespace NetSecAnalyzers.Analyzers.Flow;

/// <summary>
/// A rule's own steps for <see cref="ConstantSources"/>: operations that build the traced value from
/// another value, and expressions that are not constant as a whole but whose constant part the rule judges.
/// </summary>
internal interface IValueBuilders
{
    /// <summary>
    /// Returns the operand that <paramref name="operation"/> builds its value from, such as the string
    /// given to <c>new Uri(...)</c>, or null when the operation is not such a step.
    /// </summary>
    IOperation? BuiltFrom(IOperation operation);

    /// <summary>Returns true for a non-constant expression that the rule judges by its constant part.</summary>
    bool IsPartialConstant(IOperation operation);
}
