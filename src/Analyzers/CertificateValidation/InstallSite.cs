using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetSecAnalyzers.Analyzers.CertificateValidation;

/// <summary>A delegate installed as a validator: written to a property or event, or passed as an argument.</summary>
internal readonly struct InstallSite
{
    public InstallSite(IOperation value, ISymbol setting, IMethodSymbol invoke, IOperation? receiver, bool adds)
    {
        Value = value;
        Setting = setting;
        Invoke = invoke;
        Receiver = receiver;
        Adds = adds;
    }

    /// <summary>The installed delegate expression.</summary>
    public IOperation Value { get; }

    /// <summary>The <see cref="IPropertySymbol"/>, <see cref="IEventSymbol"/> or <see cref="IParameterSymbol"/> written.</summary>
    public ISymbol Setting { get; }

    /// <summary>The <c>Invoke</c> method of the setting's delegate type.</summary>
    public IMethodSymbol Invoke { get; }

    /// <summary>The object whose property is written, or null for a static property or an argument.</summary>
    public IOperation? Receiver { get; }

    /// <summary>True for <c>+=</c>, which adds the validator to those already installed.</summary>
    public bool Adds { get; }

    /// <summary>True for a static property, such as <c>ServicePointManager</c>'s, that every connection in the process uses.</summary>
    public bool IsProcessWide => Setting is IPropertySymbol { IsStatic: true } or IEventSymbol { IsStatic: true };

    /// <summary>True when the delegate is the right side of <c>=</c>, so a fix may remove the whole assignment.</summary>
    public bool IsAssignment => !Adds && Value.Parent is ISimpleAssignmentOperation;

    /// <summary>
    /// Writes the installation with <paramref name="shown"/> as the delegate, as code would:
    /// <c>HttpClientHandler.ServerCertificateCustomValidationCallback = ...</c> or
    /// <c>new SslStream(userCertificateValidationCallback: ...)</c>.
    /// </summary>
    public string Describe(string shown)
    {
        if (Setting is IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter)
        {
            var call = method.MethodKind == MethodKind.Constructor
                ? "new " + method.ContainingType.Name
                : method.ContainingType.Name + "." + method.Name;
            return call + "(" + parameter.Name + ": " + shown + ")";
        }

        return Setting.ContainingType.Name + "." + Setting.Name + (Adds ? " += " : " = ") + shown;
    }
}
