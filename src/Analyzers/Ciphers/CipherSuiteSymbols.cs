using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetSecAnalyzers.Analyzers.Flow;
using NetSecAnalyzers.Catalog.Tls;

namespace NetSecAnalyzers.Analyzers.Ciphers;

/// <summary>
/// <c>CipherSuitesPolicy</c> and the classified members of <c>TlsCipherSuite</c> in one compilation,
/// resolved once.
/// </summary>
internal sealed class CipherSuiteSymbols
{
    // Every .NET app references the enum, but few build a policy, so its 300-odd members are read and
    // classified only when the first policy is analyzed.
    private readonly Lazy<Dictionary<long, CipherSuiteMember>> members;

    private static readonly ConcurrentDictionary<string, CipherSuiteMember?> ByName = new(StringComparer.Ordinal);

    private CipherSuiteSymbols(INamedTypeSymbol policy, INamedTypeSymbol suiteEnum)
    {
        Policy = policy;
        SuiteEnum = suiteEnum;
        members = new Lazy<Dictionary<long, CipherSuiteMember>>(() => ClassifyMembers(suiteEnum));
    }

    public INamedTypeSymbol Policy { get; }

    public INamedTypeSymbol SuiteEnum { get; }

    /// <summary>Resolves the types; returns null when the compilation does not reference <c>CipherSuitesPolicy</c>.</summary>
    public static CipherSuiteSymbols? TryCreate(Compilation compilation)
    {
        var policy = KnownTypes.Find(compilation, "System.Net.Security.CipherSuitesPolicy");
        var suiteEnum = KnownTypes.Find(compilation, "System.Net.Security.TlsCipherSuite");
        if (policy is null || suiteEnum is not { TypeKind: TypeKind.Enum })
        {
            return null;
        }

        return new CipherSuiteSymbols(policy, suiteEnum);
    }

    /// <summary>Returns the classified suite that a constant <c>TlsCipherSuite</c> value is, or null.</summary>
    public CipherSuiteMember? Find(IOperation constant)
    {
        if (!SymbolEqualityComparer.Default.Equals(constant.Type, SuiteEnum))
        {
            return null;
        }

        // A suite written as a member is classified by its name, from a table shared by every compilation,
        // so that the enum's members are read only for a suite written as a number.
        if (constant is IFieldReferenceOperation { Field: { } field } && SymbolEqualityComparer.Default.Equals(field.ContainingType, SuiteEnum))
        {
            return ByName.GetOrAdd(field.Name, Classify);
        }

        if (!ConstantBits.TryGet(constant.ConstantValue.Value, out var value))
        {
            return null;
        }

        return members.Value.TryGetValue(value, out var member) ? member : null;
    }

    private static CipherSuiteMember? Classify(string name) =>
        CipherSuiteClassification.TryClassify(name, out var weaknesses) ? new CipherSuiteMember(name, weaknesses) : null;

    private static Dictionary<long, CipherSuiteMember> ClassifyMembers(INamedTypeSymbol suiteEnum)
    {
        var members = new Dictionary<long, CipherSuiteMember>();
        foreach (var member in suiteEnum.GetMembers())
        {
            // A member added after the shared table is left unclassified, so it is never reported.
            if (member is IFieldSymbol { HasConstantValue: true } field
                && ConstantBits.TryGet(field.ConstantValue, out var value)
                && CipherSuiteClassification.TryClassify(field.Name, out var weaknesses))
            {
                members[value] = new CipherSuiteMember(field.Name, weaknesses);
            }
        }

        return members;
    }
}

/// <summary>A <c>TlsCipherSuite</c> member with what the shared classification finds wrong with it.</summary>
internal sealed class CipherSuiteMember
{
    public CipherSuiteMember(string name, CipherSuiteWeaknesses weaknesses)
    {
        Name = name;
        Weaknesses = weaknesses;
    }

    public string Name { get; }

    public CipherSuiteWeaknesses Weaknesses { get; }

    public bool IsBroken => (Weaknesses & CipherSuiteWeaknesses.Broken) != 0;
}
