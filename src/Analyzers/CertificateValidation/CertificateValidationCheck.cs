using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetSecAnalyzers.Analyzers.Flow;

namespace NetSecAnalyzers.Analyzers.CertificateValidation;

/// <summary>
/// NETSEC020 check for one compilation: judges every validator installed at an <see cref="InstallSite"/>, and
/// Kestrel's <c>AllowAnyClientCertificate()</c>. Kestrel's client certificate validators are reported only
/// where client certificates are required, unless <see cref="AnyClientCertificateKey"/> is true.
/// </summary>
internal sealed class CertificateValidationCheck
{
    /// <summary>Reports Kestrel validators that accept any client certificate whatever <c>ClientCertificateMode</c> the code sets.</summary>
    public const string AnyClientCertificateKey = "netsec.report_any_client_certificate_without_required_mode";

    private const int MaxDisplayedLength = 60;

    private readonly CertificateValidationSymbols symbols;
    private readonly DelegateSources sources;
    private readonly InstallSites sites;
    private readonly TestProjectScope scope;
    private readonly AnalyzerConfigOptionsProvider options;
    private readonly long[] flags;

    [ThreadStatic]
    private static List<InstallSite>? foundSites;

    public CertificateValidationCheck(CertificateValidationSymbols symbols, Compilation compilation, AnalyzerOptions analyzerOptions)
    {
        this.symbols = symbols;
        sources = new DelegateSources(symbols);
        sites = new InstallSites(symbols, sources, compilation.Assembly);
        scope = TestProjectScope.Create(compilation, analyzerOptions);
        options = analyzerOptions.AnalyzerConfigOptionsProvider;
        flags = SingleBitMembers(symbols.PolicyErrors);
    }

    public static ImmutableArray<OperationKind> OperationKinds { get; } = ImmutableArray.Create(
        OperationKind.SimpleAssignment,
        OperationKind.CompoundAssignment,
        OperationKind.EventAssignment,
        OperationKind.Invocation,
        OperationKind.ObjectCreation);

    public void AnalyzeOperation(OperationAnalysisContext context)
    {
        // Nearly every operation installs nothing, so the file's scope is read only for those that do.
        var operation = context.Operation;
        if (operation is IInvocationOperation { TargetMethod.Name: "AllowAnyClientCertificate" } allowAny
            && symbols.IsHttpsOptionsMember(allowAny.TargetMethod))
        {
            if (scope.Includes(operation.Syntax.SyntaxTree))
            {
                AnalyzeAllowAnyClientCertificate(context, allowAny);
            }

            return;
        }

        // Almost no operation installs a validator, so one list per thread is reused rather than one
        // allocated per callback. Judge never re-enters this method, so the list is free while it runs.
        var found = foundSites ??= new List<InstallSite>();
        found.Clear();
        sites.Find(operation, found, context.CancellationToken);
        if (found.Count == 0)
        {
            return;
        }

        if (!scope.Includes(operation.Syntax.SyntaxTree))
        {
            found.Clear();
            return;
        }

        foreach (var site in found)
        {
            foreach (var source in sources.Find(site.Value, context.CancellationToken))
            {
                Judge(context, site, source);
            }
        }

        // The list is static, so it must not keep a compilation's operations alive after the call.
        found.Clear();
    }

    private void AnalyzeAllowAnyClientCertificate(OperationAnalysisContext context, IInvocationOperation allowAny)
    {
        if (!ReportsClientValidator(allowAny, allowAny.Instance, out var required))
        {
            return;
        }

        var setting = allowAny.TargetMethod.ContainingType.Name + "." + allowAny.TargetMethod.Name + "()";
        var properties = ImmutableDictionary<string, string?>.Empty.Add(CertificateValidationFix.Key, CertificateValidationFix.RemoveStatement);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.CertificateValidationDisabled,
            allowAny.Syntax.GetLocation(),
            properties,
            setting + " accepts every client certificate" + required,
            "remove it, or check the certificate in ClientCertificateValidation"));
    }

    private void Judge(OperationAnalysisContext context, InstallSite site, DelegateSource source)
    {
        var isClientValidator = symbols.IsHttpsOptionsMember(site.Setting);
        var required = string.Empty;
        if (isClientValidator && !ReportsClientValidator(site.Value, site.Receiver, out required))
        {
            return;
        }

        // A lambda with the wrong parameter count does not compile into the site's delegate.
        if (source.Function is { } function && function.Parameters.Length != site.Invoke.Parameters.Length)
        {
            return;
        }

        // Most installed validators are sound, so the message is written only once a finding is certain.
        string verdict;
        string remedy;
        string? fix;
        switch (source.Kind)
        {
            case DelegateSourceKind.DangerousValidator:
                verdict = " accepts every server certificate";
                remedy = "remove it, and trust a private CA through X509ChainTrustMode.CustomRootTrust instead";
                fix = site.IsAssignment && site.Value is IPropertyReferenceOperation ? CertificateValidationFix.RemoveAssignment : CertificateValidationFix.Replace;
                break;
            case DelegateSourceKind.Function when AlwaysTrueBody.AcceptsEverything(source.Body!, context.CancellationToken):
                verdict = isClientValidator ? " accepts every client certificate" + required : " accepts every certificate";
                remedy = "accept only SslPolicyErrors.None, or compare the certificate with a pinned one";
                fix = CertificateValidationFix.Replace;
                break;
            case DelegateSourceKind.Function when AcceptedErrors(site, source, context.CancellationToken) is var accepted && accepted != 0:
                verdict = " accepts " + ErrorNames(accepted) + " without checking the certificate";
                remedy = "accept only SslPolicyErrors.None, or check the certificate itself before accepting an error";
                fix = null;
                break;
            default:
                return;
        }

        var message = site.Describe(DelegateText(source.ReportedAt.Syntax));
        if (site.IsProcessWide)
        {
            message += ", which applies to the whole process,";
        }

        message += verdict;

        var properties = ImmutableDictionary<string, string?>.Empty;
        if (fix is not null)
        {
            properties = CertificateValidationFix.Properties(fix, symbols, site.Invoke, source.Function);
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.CertificateValidationDisabled,
            source.ReportedAt.Syntax.GetLocation(),
            properties,
            message,
            remedy));
    }

    /// <summary>
    /// Returns true when a Kestrel client certificate validator is reported. <paramref name="required"/>
    /// is the message clause stating that the certificate is required, or empty.
    /// </summary>
    private bool ReportsClientValidator(IOperation site, IOperation? receiver, out string required)
    {
        if (ClientCertificateRequirement.IsRequired(symbols, site, receiver))
        {
            required = " while ClientCertificateMode.RequireCertificate asks for one";
            return true;
        }

        required = string.Empty;
        var tree = site.Syntax.SyntaxTree;
        return TestProjectScope.IsSetToTrue(options.GetOptions(tree), AnyClientCertificateKey)
            || TestProjectScope.IsSetToTrue(options.GlobalOptions, AnyClientCertificateKey);
    }

    private long AcceptedErrors(InstallSite site, DelegateSource source, CancellationToken cancellationToken)
    {
        var index = CertificateValidationFix.ErrorsIndex(symbols, site.Invoke);
        var function = source.Function;
        if (index < 0 || function is null)
        {
            return 0;
        }

        return PolicyErrorsInterpreter.AcceptedErrors(source.Body!, function.Parameters[index], flags, symbols.NameMismatch | symbols.ChainErrors, cancellationToken);
    }

    private string ErrorNames(long accepted)
    {
        var names = new List<string>();
        if ((accepted & symbols.NameMismatch) != 0)
        {
            names.Add("a host name mismatch (RemoteCertificateNameMismatch)");
        }

        if ((accepted & symbols.ChainErrors) != 0)
        {
            names.Add("any chain error (RemoteCertificateChainErrors)");
        }

        return string.Join(" and ", names);
    }

    /// <summary>Returns the delegate's text for a message, with the body of a long lambda or anonymous method shortened to <c>...</c>.</summary>
    private static string DelegateText(SyntaxNode syntax)
    {
        var text = DisplayText.Of(syntax);
        if (text.Length <= MaxDisplayedLength)
        {
            return text;
        }

        return syntax switch
        {
            ParenthesizedLambdaExpressionSyntax lambda => DisplayText.Of(lambda.ParameterList) + " => ...",
            SimpleLambdaExpressionSyntax lambda => DisplayText.Of(lambda.Parameter) + " => ...",
            AnonymousMethodExpressionSyntax => "delegate { ... }",
            _ => text,
        };
    }

    private static long[] SingleBitMembers(INamedTypeSymbol enumType)
    {
        var values = new List<long>();
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field
                && ConstantBits.TryGet(field.ConstantValue, out var value)
                && value != 0
                && (value & (value - 1)) == 0
                && !values.Contains(value))
            {
                values.Add(value);
            }
        }

        return values.ToArray();
    }
}
