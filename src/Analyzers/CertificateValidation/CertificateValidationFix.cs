using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace NetSecAnalyzers.Analyzers.CertificateValidation;

/// <summary>
/// The diagnostic properties that tell NETSEC020's code fix what to do, and how they are built. A finding without
/// <see cref="Key"/> has no fix, because only its author can decide which errors the validator should accept.
/// </summary>
internal static class CertificateValidationFix
{
    public const string Key = "Fix";

    /// <summary>Replace the reported delegate with one that accepts only <c>SslPolicyErrors.None</c>.</summary>
    public const string Replace = "Replace";

    /// <summary>Remove the assignment or initializer entry that installs the reported delegate.</summary>
    public const string RemoveAssignment = "RemoveAssignment";

    /// <summary>Remove the statement that is the reported call.</summary>
    public const string RemoveStatement = "RemoveStatement";

    /// <summary>The replacement's parameter names, comma separated.</summary>
    public const string ParametersKey = "Parameters";

    /// <summary>The position of the <c>SslPolicyErrors</c> parameter among them.</summary>
    public const string ErrorsIndexKey = "ErrorsIndex";

    /// <summary>Builds the properties of a diagnostic whose fix is <paramref name="fix"/>, for a validator of type <paramref name="invoke"/>.</summary>
    public static ImmutableDictionary<string, string?> Properties(
        string fix,
        CertificateValidationSymbols symbols,
        IMethodSymbol invoke,
        IMethodSymbol? function) =>
        ImmutableDictionary<string, string?>.Empty
            .Add(Key, fix)
            .Add(ParametersKey, string.Join(",", ParameterNames(symbols, invoke, function)))
            .Add(ErrorsIndexKey, ErrorsIndex(symbols, invoke).ToString(CultureInfo.InvariantCulture));

    /// <summary>Returns the position of the <c>SslPolicyErrors</c> parameter of a validator, or -1.</summary>
    public static int ErrorsIndex(CertificateValidationSymbols symbols, IMethodSymbol invoke)
    {
        for (var i = 0; i < invoke.Parameters.Length; i++)
        {
            if (symbols.IsPolicyErrors(invoke.Parameters[i].Type))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Names the parameters of a replacement validator: the function's own names where it declares usable
    /// ones, otherwise names from the parameter types, because <c>Func</c>'s own are <c>arg1</c> to <c>arg5</c>
    /// and an anonymous method without a parameter list has none.
    /// </summary>
    private static string[] ParameterNames(CertificateValidationSymbols symbols, IMethodSymbol invoke, IMethodSymbol? function)
    {
        var own = new string[invoke.Parameters.Length];
        var usable = function is not null && function.Parameters.Length == own.Length;
        for (var i = 0; usable && i < own.Length; i++)
        {
            var name = function!.Parameters[i].Name;
            usable = Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name) && name != "_" && System.Array.IndexOf(own, name) < 0;
            own[i] = name;
        }

        if (usable)
        {
            return own;
        }

        var byType = new string[invoke.Parameters.Length];
        for (var i = 0; i < byType.Length; i++)
        {
            byType[i] = NameForType(symbols, invoke.Parameters[i].Type);
        }

        return byType;
    }

    private static string NameForType(CertificateValidationSymbols symbols, ITypeSymbol type)
    {
        if (symbols.IsPolicyErrors(type))
        {
            return "errors";
        }

        if (symbols.IsCertificate(type))
        {
            return "certificate";
        }

        return symbols.IsChain(type) ? "chain" : "sender";
    }
}
