using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetSecAnalyzers.Analyzers.Flow;

namespace NetSecAnalyzers.Analyzers.ClearTextHttp;

/// <summary>
/// NETSEC031's settings and findings. The settings are the <c>BaseAddress</c> and <c>RequestUri</c>
/// properties and the <c>requestUri</c> or <c>address</c> arguments of the client types in
/// <see cref="HttpClientSymbols"/>. A finding is constant text that starts an <c>http://</c> URI to a
/// remote host. The trace goes through <c>new Uri(...)</c> to its string or base URI, through <c>+</c> to
/// its left operand, and through an interpolated string that starts with a hole to that hole's value.
/// </summary>
internal sealed class ClearTextHttpCheck : SettingCheck<WrittenConstant>
{
    private readonly HttpClientSymbols symbols;

    private ClearTextHttpCheck(HttpClientSymbols symbols, IAssemblySymbol sourceAssembly)
        : base(sourceAssembly, tracesBitwiseOperators: false, new UriBuilders(symbols))
    {
        this.symbols = symbols;
    }

    public override SettingCalls CallsWithSettings => SettingCalls.Methods | SettingCalls.Constructors;

    /// <summary>Resolves the client types; returns null when none of them is referenced.</summary>
    public static ClearTextHttpCheck? TryCreate(Compilation compilation)
    {
        var symbols = HttpClientSymbols.TryCreate(compilation);
        return symbols is null ? null : new ClearTextHttpCheck(symbols, compilation.Assembly);
    }

    public override bool IsSettingType(ITypeSymbol? type) => symbols.IsAddressType(type);

    public override bool IsFinding(ConstantSource source) => HttpUriText.RemoteAuthority(source.Constant) is not null;

    public override WrittenConstant CreateFinding(ConstantSource source, SettingWrite write) => new(source.Constant, write);

    public override WrittenConstant Merge(WrittenConstant existing, WrittenConstant other) => WrittenConstant.First(existing, other);

    public override Diagnostic CreateDiagnostic(WrittenConstant finding) =>
        Diagnostic.Create(
            Descriptors.ClearTextHttpToRemoteHost,
            finding.Expression.Syntax.GetLocation(),
            DescribeSink(finding.Write.Setting),
            HttpUriText.RemoteAuthority(finding.Expression),
            "use https://");

    protected override bool IsSettingProperty(IPropertySymbol property) => symbols.IsAddressProperty(property);

    protected override bool IsSettingParameter(IMethodSymbol method, IParameterSymbol parameter) =>
        symbols.IsAddressParameter(method, parameter);

    /// <summary>
    /// Names the call or property that sends the request: <c>HttpClient.BaseAddress</c>,
    /// <c>HttpClient.GetFromJsonAsync</c> for an extension method, <c>HttpRequestMessage</c> for a constructor.
    /// </summary>
    private static string DescribeSink(ISymbol setting)
    {
        if (setting is not IParameterSymbol { ContainingSymbol: IMethodSymbol method })
        {
            return setting.ContainingType.Name + "." + setting.Name;
        }

        var typeName = HttpClientSymbols.TargetType(method).Name;
        return method.MethodKind == MethodKind.Constructor ? typeName : typeName + "." + method.Name;
    }

    private sealed class UriBuilders : IValueBuilders
    {
        private readonly HttpClientSymbols symbols;

        public UriBuilders(HttpClientSymbols symbols)
        {
            this.symbols = symbols;
        }

        public bool IsPartialConstant(IOperation operation) =>
            operation is IInterpolatedStringOperation interpolated && HttpUriText.LeadingText(interpolated) is not null;

        public IOperation? BuiltFrom(IOperation operation)
        {
            switch (operation)
            {
                // Every public Uri constructor takes the URI or its base first: new Uri(uriString, ...) or new Uri(baseUri, relative).
                case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, symbols.Uri):
                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.Parameter is { Ordinal: 0 } parameter && symbols.IsAddressType(parameter.Type))
                        {
                            return argument.Value;
                        }
                    }

                    return null;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                    return LeadingOperand(concatenation, concatenation.LeftOperand);

                case IInterpolatedStringOperation interpolated
                    when interpolated.Parts.Length > 0
                        && interpolated.Parts[0] is IInterpolationOperation { Alignment: null, FormatString: null } hole:
                    return LeadingOperand(interpolated, hole.Expression);

                default:
                    return null;
            }
        }

        /// <summary>
        /// Returns the operand that starts a string, which decides its scheme and host. A constant string is
        /// judged whole instead, unless that operand contains the whole authority, as in <c>LabBase + "results"</c>
        /// with <c>LabBase = "http://lab.example/"</c>, so that the finding lands on the declaration of the
        /// named constant but <c>"http://" + Host</c> still counts.
        /// </summary>
        private static IOperation? LeadingOperand(IOperation whole, IOperation leading) =>
            !whole.ConstantValue.HasValue || HttpUriText.HasRemoteAuthorityAtStart(leading) ? leading : null;
    }
}
