using Microsoft.CodeAnalysis;
using NetSecAnalyzers.Analyzers.Flow;

namespace NetSecAnalyzers.Analyzers.Ciphers;

/// <summary>
/// NETSEC010's encryption-policy settings and findings. A setting is every writable <c>EncryptionPolicy</c>
/// property of a referenced type (<c>SslServerAuthenticationOptions.EncryptionPolicy</c>, its client twin)
/// and every <c>EncryptionPolicy</c> parameter of a referenced method or constructor (<c>new SslStream(...)</c>).
/// A finding is <c>AllowNoEncryption</c> or <c>NoEncryption</c>, which let a connection use a NULL cipher.
/// </summary>
internal sealed class EncryptionPolicyCheck : SettingCheck<WrittenConstant>
{
    private readonly INamedTypeSymbol encryptionPolicy;
    private readonly IAssemblySymbol sourceAssembly;
    private readonly long? allowNoEncryption;
    private readonly long? noEncryption;

    private EncryptionPolicyCheck(INamedTypeSymbol encryptionPolicy, IAssemblySymbol sourceAssembly)
        : base(sourceAssembly, tracesBitwiseOperators: false)
    {
        this.encryptionPolicy = encryptionPolicy;
        this.sourceAssembly = sourceAssembly;
        allowNoEncryption = MemberValue(encryptionPolicy, "AllowNoEncryption");
        noEncryption = MemberValue(encryptionPolicy, "NoEncryption");
    }

    public override SettingCalls CallsWithSettings => SettingCalls.Methods | SettingCalls.Constructors;

    /// <summary>Resolves the enum; returns null when the compilation does not reference it.</summary>
    public static EncryptionPolicyCheck? TryCreate(Compilation compilation) =>
        KnownTypes.Find(compilation, "System.Net.Security.EncryptionPolicy") is { TypeKind: TypeKind.Enum } type
            ? new EncryptionPolicyCheck(type, compilation.Assembly)
            : null;

    // The type kind is tested first because it is cheaper than a symbol comparison, and this runs for
    // every argument of every call.
    public override bool IsSettingType(ITypeSymbol? type) =>
        type is { TypeKind: TypeKind.Enum } && SymbolEqualityComparer.Default.Equals(type, encryptionPolicy);

    public override bool IsFinding(ConstantSource source) =>
        IsSettingType(source.Constant.Type)
        && ConstantBits.TryGet(source.Constant.ConstantValue.Value, out var value)
        && (value == allowNoEncryption || value == noEncryption);

    public override WrittenConstant CreateFinding(ConstantSource source, SettingWrite write) => new(source.Constant, write);

    public override WrittenConstant Merge(WrittenConstant existing, WrittenConstant other) => WrittenConstant.First(existing, other);

    public override Diagnostic CreateDiagnostic(WrittenConstant finding)
    {
        ConstantBits.TryGet(finding.Expression.ConstantValue.Value, out var value);
        var effect = value == noEncryption
            ? "only connections without encryption (NULL cipher suites)"
            : "connections without encryption (NULL cipher suites)";
        return Diagnostic.Create(
            Descriptors.BrokenCipherSuites,
            finding.Expression.Syntax.GetLocation(),
            finding.DescribeSetting(),
            effect);
    }

    protected override bool IsSettingProperty(IPropertySymbol property) => true;

    protected override bool IsSettingParameter(IMethodSymbol method, IParameterSymbol parameter) =>
        IsSettingType(parameter.Type) && !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, sourceAssembly);

    private static long? MemberValue(INamedTypeSymbol enumType, string name)
    {
        foreach (var member in enumType.GetMembers(name))
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && ConstantBits.TryGet(field.ConstantValue, out var value))
            {
                return value;
            }
        }

        return null;
    }
}
