using Microsoft.CodeAnalysis;
using NetSecAnalyzers.Analyzers.Flow;

namespace NetSecAnalyzers.Analyzers.Tls;

/// <summary>
/// NETSEC001's settings and findings. A TLS setting is every writable <c>SslProtocols</c> or
/// <c>SecurityProtocolType</c> property declared in a referenced assembly (written with <c>=</c>, <c>|=</c>,
/// an object initializer or a deconstruction) and the protocol arguments of <c>SslStream.AuthenticateAs*</c>.
/// A finding is a constant with legacy bits that survive any constant masks on the way.
/// </summary>
internal sealed class LegacyProtocolCheck : SettingCheck<LegacyValue>
{
    private readonly TlsProtocolSymbols symbols;

    public LegacyProtocolCheck(TlsProtocolSymbols symbols, IAssemblySymbol sourceAssembly)
        : base(sourceAssembly, tracesBitwiseOperators: true)
    {
        this.symbols = symbols;
    }

    /// <summary>Only <c>SslStream.AuthenticateAs*</c> takes a protocol argument that counts, and it is no constructor.</summary>
    public override SettingCalls CallsWithSettings => symbols.SslStream is null ? SettingCalls.None : SettingCalls.Methods;

    public override bool IsSettingType(ITypeSymbol? type) => symbols.Find(type) is not null;

    public override bool IsFinding(ConstantSource source) => LegacyBits(source, out _) != 0;

    public override LegacyValue CreateFinding(ConstantSource source, SettingWrite write)
    {
        var legacyBits = LegacyBits(source, out var protocol);
        return new LegacyValue(source.Constant, protocol!, legacyBits);
    }

    /// <summary>A second path can reach the same expression with a different mask, so the bits add up.</summary>
    public override LegacyValue Merge(LegacyValue existing, LegacyValue other) =>
        new(existing.Expression, existing.Protocol, existing.LegacyBits | other.LegacyBits);

    public override Diagnostic CreateDiagnostic(LegacyValue finding)
    {
        var syntax = finding.Expression.Syntax;
        return Diagnostic.Create(
            Descriptors.LegacyTlsProtocol,
            syntax.GetLocation(),
            DisplayText.Of(syntax),
            finding.Protocol.DescribeLegacy(finding.LegacyBits));
    }

    protected override bool IsSettingProperty(IPropertySymbol property) => true;

    protected override bool IsSettingParameter(IMethodSymbol method, IParameterSymbol parameter) =>
        symbols.Find(parameter.Type) is not null && SslStreamAuthentication.Is(method, symbols.SslStream);

    protected override bool MayTakeSettings(IMethodSymbol method) => SslStreamAuthentication.Is(method, symbols.SslStream);

    private long LegacyBits(ConstantSource source, out ProtocolEnum? protocol)
    {
        protocol = symbols.Find(source.Constant.Type);
        if (protocol is null || !ConstantBits.TryGet(source.Constant.ConstantValue.Value, out var bits))
        {
            return 0;
        }

        return bits & protocol.LegacyMask & source.KeptBits;
    }
}
