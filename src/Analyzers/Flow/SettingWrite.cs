using Microsoft.CodeAnalysis;

namespace NetSecAnalyzers.Analyzers.Flow;

/// <summary>A value written to a setting: a property, or a parameter of a method that applies settings.</summary>
internal readonly struct SettingWrite
{
    public SettingWrite(IOperation value, ISymbol setting)
    {
        Value = value;
        Setting = setting;
    }

    public IOperation Value { get; }

    /// <summary>The <see cref="IPropertySymbol"/> or <see cref="IParameterSymbol"/> written.</summary>
    public ISymbol Setting { get; }

    /// <summary>
    /// Writes the setting with one constant for a message, as code would set it:
    /// <c>HttpClientHandler.CheckCertificateRevocationList = false</c> for a property, or
    /// <c>SslStream.AuthenticateAsClient(checkCertificateRevocation: false)</c> for a parameter, or
    /// <c>new SslStream(encryptionPolicy: EncryptionPolicy.NoEncryption)</c> for a constructor's parameter.
    /// </summary>
    public string Describe(IOperation constant)
    {
        var value = DisplayText.Of(constant.Syntax);
        return Setting switch
        {
            IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } parameter =>
                "new " + constructor.ContainingType.Name + "(" + parameter.Name + ": " + value + ")",
            IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter =>
                method.ContainingType.Name + "." + method.Name + "(" + parameter.Name + ": " + value + ")",
            _ => Setting.ContainingType.Name + "." + Setting.Name + " = " + value,
        };
    }
}

/// <summary>A constant expression that a rule reports because it reaches a setting.</summary>
internal abstract class ConstantFinding
{
    protected ConstantFinding(IOperation expression)
    {
        Expression = expression;
    }

    public IOperation Expression { get; }
}
