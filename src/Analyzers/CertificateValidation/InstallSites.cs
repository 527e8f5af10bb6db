using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetSecAnalyzers.Analyzers.CertificateValidation;

/// <summary>
/// Finds where validators are installed: <c>=</c>, <c>+=</c> and object initializers on properties and
/// events whose delegate has the validation shape, and arguments of such parameters. Members of the
/// project's own types are storage, not sites, except a method whose body installs its parameter: a
/// delegate passed to it is judged at the call.
/// </summary>
internal sealed class InstallSites
{
    // Each level is one method of the project that passes its parameter on to the next.
    private const int MaxInstallerDepth = 3;

    private readonly CertificateValidationSymbols symbols;
    private readonly DelegateSources sources;
    private readonly IAssemblySymbol sourceAssembly;

    public InstallSites(CertificateValidationSymbols symbols, DelegateSources sources, IAssemblySymbol sourceAssembly)
    {
        this.symbols = symbols;
        this.sources = sources;
        this.sourceAssembly = sourceAssembly;
    }

    public void Find(IOperation operation, List<InstallSite> sites, CancellationToken cancellationToken) =>
        Find(operation, sites, installerDepth: 0, cancellationToken);

    private void Find(IOperation operation, List<InstallSite> sites, int installerDepth, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                when ExternalSetting(target.Property, target.Property.Type) is { } invoke:
                sites.Add(new InstallSite(assignment.Value, target.Property, invoke, target.Instance, adds: false));
                break;
            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: IPropertyReferenceOperation target } compound
                when ExternalSetting(target.Property, target.Property.Type) is { } invoke:
                sites.Add(new InstallSite(compound.Value, target.Property, invoke, target.Instance, adds: true));
                break;
            case IEventAssignmentOperation { Adds: true, EventReference: IEventReferenceOperation target } subscription
                when ExternalSetting(target.Event, target.Event.Type) is { } invoke:
                sites.Add(new InstallSite(subscription.HandlerValue, target.Event, invoke, target.Instance, adds: true));
                break;
            case IInvocationOperation invocation:
                AddArguments(invocation.TargetMethod, invocation.Arguments, operation, sites, installerDepth, cancellationToken);
                break;
            case IObjectCreationOperation { Constructor: { } constructor } creation:
                AddArguments(constructor, creation.Arguments, operation, sites, installerDepth, cancellationToken);
                break;
        }
    }

    // The delegate type test comes first because it dismisses nearly every property and event at once.
    private IMethodSymbol? ExternalSetting(ISymbol member, ITypeSymbol type) =>
        symbols.ValidatorInvoke(type) is { } invoke && !SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, sourceAssembly) ? invoke : null;

    private void AddArguments(
        IMethodSymbol method,
        ImmutableArray<IArgumentOperation> arguments,
        IOperation call,
        List<InstallSite> sites,
        int installerDepth,
        CancellationToken cancellationToken)
    {
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue
                || argument.Parameter is not { } parameter
                || symbols.ValidatorInvoke(parameter.Type) is not { } invoke)
            {
                continue;
            }

            var isOwnMethod = SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, sourceAssembly);
            if (!isOwnMethod || Installs(method, parameter, call, installerDepth, cancellationToken))
            {
                sites.Add(new InstallSite(argument.Value, parameter, invoke, receiver: null, adds: false));
            }
        }
    }

    /// <summary>Returns true when the body of the project's <paramref name="method"/> installs <paramref name="parameter"/> as a validator.</summary>
    private bool Installs(IMethodSymbol method, IParameterSymbol parameter, IOperation call, int installerDepth, CancellationToken cancellationToken)
    {
        if (installerDepth >= MaxInstallerDepth || DelegateSources.BodyOf(method, call, cancellationToken) is not { } body)
        {
            return false;
        }

        var inner = new List<InstallSite>();
        foreach (var operation in body.DescendantsAndSelf())
        {
            Find(operation, inner, installerDepth + 1, cancellationToken);
        }

        var declared = parameter.OriginalDefinition;
        foreach (var site in inner)
        {
            foreach (var source in sources.Find(site.Value, cancellationToken))
            {
                if (source.Kind == DelegateSourceKind.Parameter
                    && SymbolEqualityComparer.Default.Equals(source.Parameter?.OriginalDefinition, declared))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
