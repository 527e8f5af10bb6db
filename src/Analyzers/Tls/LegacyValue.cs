using Microsoft.CodeAnalysis;
using NetSecAnalyzers.Analyzers.Flow;

namespace NetSecAnalyzers.Analyzers.Tls;

/// <summary>A constant expression that puts legacy protocol bits into a value written to a TLS setting.</summary>
internal sealed class LegacyValue : ConstantFinding
{
    public LegacyValue(IOperation expression, ProtocolEnum protocol, long legacyBits)
        : base(expression)
    {
        Protocol = protocol;
        LegacyBits = legacyBits;
    }

    public ProtocolEnum Protocol { get; }

    public long LegacyBits { get; }
}
