using Microsoft.CodeAnalysis;
using NetSecAnalyzers.Analyzers.Flow;
using NetSecAnalyzers.Analyzers.Tls;

namespace NetSecAnalyzers.Analyzers.Revocation;

/// <summary>
/// NETSEC021's settings and findings. The settings are every writable <c>X509RevocationMode</c> property of
/// a referenced type (<c>X509ChainPolicy.RevocationMode</c>, <c>CertificateRevocationCheckMode</c> of the
/// <c>SslStream</c> options), the <c>bool</c> switches of <see cref="RevocationSymbols"/>, and the
/// <c>checkCertificateRevocation</c> or <c>X509RevocationMode</c> arguments of <c>SslStream.AuthenticateAs*</c>.
/// A finding is <c>false</c> for a switch or <c>X509RevocationMode.NoCheck</c> for a mode. <c>Offline</c>
/// still checks revocation, against cached CRLs, so it is not a finding.
/// </summary>
internal sealed class RevocationCheck : SettingCheck<WrittenConstant>
{
    private readonly RevocationSymbols symbols;

    public RevocationCheck(RevocationSymbols symbols, IAssemblySymbol sourceAssembly)
        : base(sourceAssembly, tracesBitwiseOperators: false)
    {
        this.symbols = symbols;
    }

    /// <summary>Only <c>SslStream.AuthenticateAs*</c> takes a revocation argument that counts, and it is no constructor.</summary>
    public override SettingCalls CallsWithSettings => symbols.SslStream is null ? SettingCalls.None : SettingCalls.Methods;

    public override bool IsSettingType(ITypeSymbol? type) =>
        type?.SpecialType == SpecialType.System_Boolean || symbols.IsRevocationMode(type);

    public override bool IsFinding(ConstantSource source)
    {
        var constant = source.Constant;
        if (constant.Type?.SpecialType == SpecialType.System_Boolean)
        {
            return constant.ConstantValue.Value is false;
        }

        return symbols.IsRevocationMode(constant.Type)
            && ConstantBits.TryGet(constant.ConstantValue.Value, out var value)
            && value == symbols.NoCheckValue;
    }

    public override WrittenConstant CreateFinding(ConstantSource source, SettingWrite write) => new(source.Constant, write);

    public override WrittenConstant Merge(WrittenConstant existing, WrittenConstant other) => WrittenConstant.First(existing, other);

    public override Diagnostic CreateDiagnostic(WrittenConstant finding)
    {
        // A static setting such as ServicePointManager's applies to every connection the process makes.
        var setting = finding.DescribeSetting();
        if (finding.Write.Setting.IsStatic)
        {
            setting += ", which applies to the whole process,";
        }

        return Diagnostic.Create(
            Descriptors.RevocationCheckDisabled,
            finding.Expression.Syntax.GetLocation(),
            setting + " turns off certificate revocation checks",
            Remedy(finding));
    }

    protected override bool IsSettingProperty(IPropertySymbol property) =>
        symbols.IsRevocationMode(property.Type) || symbols.IsSwitch(property);

    protected override bool MayTakeSettings(IMethodSymbol method) => SslStreamAuthentication.Is(method, symbols.SslStream);

    protected override bool IsSettingParameter(IMethodSymbol method, IParameterSymbol parameter)
    {
        if (!SslStreamAuthentication.Is(method, symbols.SslStream))
        {
            return false;
        }

        return symbols.IsRevocationMode(parameter.Type)
            || (parameter.Type.SpecialType == SpecialType.System_Boolean && parameter.Name == "checkCertificateRevocation");
    }

    /// <summary>Names the value that turns the checks back on, in the form the finding's setting takes it.</summary>
    private static string Remedy(WrittenConstant finding)
    {
        if (finding.Expression.Type?.SpecialType != SpecialType.System_Boolean)
        {
            return "use X509RevocationMode.Online";
        }

        return finding.Write.Setting is IParameterSymbol ? "pass true" : "set it to true";
    }
}
