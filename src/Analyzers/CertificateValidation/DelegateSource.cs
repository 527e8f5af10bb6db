using Microsoft.CodeAnalysis;

namespace NetSecAnalyzers.Analyzers.CertificateValidation;

/// <summary>What a delegate value installed as a validator comes from.</summary>
internal enum DelegateSourceKind
{
    /// <summary>A lambda, anonymous method, local function or method whose body is in the compilation.</summary>
    Function,

    /// <summary><c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c>.</summary>
    DangerousValidator,

    /// <summary>A parameter of the method that installs it, so its callers decide what is installed.</summary>
    Parameter,
}

/// <summary>One value that a validator may be, with the expression a finding about it is located on.</summary>
internal readonly struct DelegateSource
{
    private DelegateSource(DelegateSourceKind kind, IOperation reportedAt, IOperation? body, IMethodSymbol? function, IParameterSymbol? parameter)
    {
        Kind = kind;
        ReportedAt = reportedAt;
        Body = body;
        Function = function;
        Parameter = parameter;
    }

    public DelegateSourceKind Kind { get; }

    /// <summary>The installed expression, or the branch of a conditional that the value comes from.</summary>
    public IOperation ReportedAt { get; }

    /// <summary>The function's body, for <see cref="DelegateSourceKind.Function"/>.</summary>
    public IOperation? Body { get; }

    /// <summary>The function's symbol, whose parameter names a fix keeps.</summary>
    public IMethodSymbol? Function { get; }

    public IParameterSymbol? Parameter { get; }

    public static DelegateSource ForFunction(IOperation reportedAt, IOperation body, IMethodSymbol function) =>
        new(DelegateSourceKind.Function, reportedAt, body, function, null);

    public static DelegateSource ForDangerousValidator(IOperation reportedAt) =>
        new(DelegateSourceKind.DangerousValidator, reportedAt, null, null, null);

    public static DelegateSource ForParameter(IOperation reportedAt, IParameterSymbol parameter) =>
        new(DelegateSourceKind.Parameter, reportedAt, null, null, parameter);
}
