using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using NetSecAnalyzers.Analyzers.Flow;

namespace NetSecAnalyzers.Analyzers.Tls;

/// <summary>
/// One protocol enum (<c>SslProtocols</c> or <c>SecurityProtocolType</c>) with the bits of its legacy
/// members. The bits are read from the enum's own constants, so casts such as <c>(SslProtocols)192</c>
/// are judged by value, not by name.
/// </summary>
internal sealed class ProtocolEnum
{
    private static readonly (string Member, string Protocol)[] LegacyMembers =
    {
        ("Ssl2", "SSL 2.0"),
        ("Ssl3", "SSL 3.0"),
        ("Tls", "TLS 1.0"),
        ("Tls11", "TLS 1.1"),
    };

    private readonly ImmutableArray<(long Bits, string Protocol)> legacyProtocols;

    private ProtocolEnum(
        INamedTypeSymbol type,
        ImmutableArray<(long Bits, string Protocol)> legacyProtocols,
        ImmutableArray<(long Bits, string Name)> modernMembers,
        string osDefaultMember)
    {
        Type = type;
        this.legacyProtocols = legacyProtocols;
        ModernMembers = modernMembers;
        OsDefaultMember = osDefaultMember;
        foreach (var (bits, _) in legacyProtocols)
        {
            LegacyMask |= bits;
        }
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>Every bit that enables a legacy protocol.</summary>
    public long LegacyMask { get; }

    /// <summary>Non-zero members without legacy bits (<c>Tls12</c>, <c>Tls13</c>), largest value first.</summary>
    public ImmutableArray<(long Bits, string Name)> ModernMembers { get; }

    /// <summary>The zero member that lets the operating system choose: <c>None</c> or <c>SystemDefault</c>.</summary>
    public string OsDefaultMember { get; }

    /// <summary>Reads the enum's members; returns null when the type is missing or is not an enum.</summary>
    public static ProtocolEnum? TryCreate(INamedTypeSymbol? type, string osDefaultMember)
    {
        if (type is null || type.TypeKind != TypeKind.Enum)
        {
            return null;
        }

        var legacy = ImmutableArray.CreateBuilder<(long, string)>();
        foreach (var (member, protocol) in LegacyMembers)
        {
            if (ConstantBits.TryGetMember(type, member, out var bits) && bits != 0)
            {
                legacy.Add((bits, protocol));
            }
        }

        var legacyMask = 0L;
        foreach (var (bits, _) in legacy)
        {
            legacyMask |= bits;
        }

        var modern = new List<(long Bits, string Name)>();
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field
                && ConstantBits.TryGet(field.ConstantValue, out var bits)
                && bits != 0
                && (bits & legacyMask) == 0)
            {
                modern.Add((bits, field.Name));
            }
        }

        modern.Sort((left, right) => right.Bits.CompareTo(left.Bits));
        return new ProtocolEnum(type, legacy.ToImmutable(), modern.ToImmutableArray(), osDefaultMember);
    }

    /// <summary>Names the legacy protocols in <paramref name="bits"/> in words: <c>TLS 1.0 and TLS 1.1</c>.</summary>
    public string DescribeLegacy(long bits)
    {
        var names = new List<string>();
        foreach (var (protocolBits, protocol) in legacyProtocols)
        {
            if ((bits & protocolBits) != 0)
            {
                names.Add(protocol);
            }
        }

        var text = new StringBuilder();
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                text.Append(i == names.Count - 1 ? " and " : ", ");
            }

            text.Append(names[i]);
        }

        return text.ToString();
    }
}
