using Microsoft.CodeAnalysis;
using NetSecAnalyzers.Analyzers.Flow;

namespace NetSecAnalyzers.Analyzers.ServerHeader;

/// <summary>
/// NETSEC036's setting and finding: <c>true</c> written to <c>KestrelServerOptions.AddServerHeader</c>.
/// Kestrel's default is also <c>true</c>, but only an explicit write is a finding.
/// </summary>
internal sealed class ServerHeaderCheck : SettingCheck<WrittenConstant>
{
    private const string HeaderSent = "the server name Kestrel";
    private const string Remedy = "set AddServerHeader = false";

    private readonly INamedTypeSymbol kestrelServerOptions;

    private ServerHeaderCheck(INamedTypeSymbol kestrelServerOptions, IAssemblySymbol sourceAssembly)
        : base(sourceAssembly, tracesBitwiseOperators: false)
    {
        this.kestrelServerOptions = kestrelServerOptions;
    }

    public override SettingCalls CallsWithSettings => SettingCalls.None;

    /// <summary>Resolves Kestrel's options type; returns null when Kestrel is not referenced.</summary>
    public static ServerHeaderCheck? TryCreate(Compilation compilation)
    {
        var options = KnownTypes.Find(compilation, "Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions");
        return options is null ? null : new ServerHeaderCheck(options, compilation.Assembly);
    }

    public override bool IsSettingType(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_Boolean;

    public override bool IsFinding(ConstantSource source) =>
        source.Constant.Type?.SpecialType == SpecialType.System_Boolean && source.Constant.ConstantValue.Value is true;

    public override WrittenConstant CreateFinding(ConstantSource source, SettingWrite write) => new(source.Constant, write);

    public override WrittenConstant Merge(WrittenConstant existing, WrittenConstant other) => WrittenConstant.First(existing, other);

    public override Diagnostic CreateDiagnostic(WrittenConstant finding) =>
        Diagnostic.Create(Descriptors.ServerVersionDisclosed, finding.Expression.Syntax.GetLocation(), finding.DescribeSetting(), HeaderSent, Remedy);

    protected override bool IsSettingProperty(IPropertySymbol property) =>
        property.Name == "AddServerHeader" && SymbolEqualityComparer.Default.Equals(property.ContainingType, kestrelServerOptions);

    protected override bool IsSettingParameter(IMethodSymbol method, IParameterSymbol parameter) => false;
}
