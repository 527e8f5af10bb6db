using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetSecAnalyzers.Analyzers.Flow;

namespace NetSecAnalyzers.Analyzers.Pipeline;

/// <summary>
/// Security-header libraries recognised by their method names and by the namespace or assembly name of
/// the type that declares them, so that the analyzers need no reference to the packages:
/// NetEscapades.AspNetCore.SecurityHeaders (<c>UseSecurityHeaders</c>), OwaspHeaders.Core
/// (<c>UseSecureHeadersMiddleware</c>) and NWebsec.AspNetCore.Middleware (<c>UseXContentTypeOptions</c>,
/// <c>UseXfo</c>, <c>UseCsp</c>, <c>UseReferrerPolicy</c>, <c>UseHsts</c>).
/// </summary>
internal static class HeaderLibraries
{
    /// <summary>Returns true when <paramref name="invocation"/> calls one of the libraries, with the headers it sends.</summary>
    public static bool TryRecognize(IInvocationOperation invocation, out SecurityHeaders headers)
    {
        var method = invocation.TargetMethod;
        headers = SecurityHeaders.None;
        if (IsFrom(method, "NetEscapades"))
        {
            headers = method.Name == "UseSecurityHeaders" ? NetEscapadesPolicy(invocation) : SecurityHeaders.None;
            return true;
        }

        if (IsFrom(method, "OwaspHeaders"))
        {
            headers = method.Name == "UseSecureHeadersMiddleware" ? SecurityHeaders.AllChecked | SecurityHeaders.StrictTransportSecurity : SecurityHeaders.None;
            return true;
        }

        if (IsFrom(method, "NWebsec"))
        {
            headers = method.Name switch
            {
                "UseXContentTypeOptions" => SecurityHeaders.ContentTypeOptions,
                "UseXfo" => SecurityHeaders.FrameProtection,
                "UseCsp" => SecurityHeaders.ContentSecurityPolicy | (CallsFrameAncestors(invocation) ? SecurityHeaders.FrameProtection : SecurityHeaders.None),
                "UseReferrerPolicy" => SecurityHeaders.ReferrerPolicy,
                "UseHsts" => SecurityHeaders.StrictTransportSecurity,
                _ => SecurityHeaders.None,
            };
            return true;
        }

        return false;
    }

    /// <summary>
    /// Returns the headers of a NetEscapades policy: the default policy without an argument, otherwise
    /// what the policy's builder methods add (<c>AddDefaultSecurityHeaders</c>, <c>AddFrameOptionsDeny</c>,
    /// ...), read from the argument and from the initializer of a local passed as the argument. A policy
    /// that cannot be read counts as the default, because the rules do not guess.
    /// </summary>
    private static SecurityHeaders NetEscapadesPolicy(IInvocationOperation invocation)
    {
        const SecurityHeaders Defaults = SecurityHeaders.AllChecked | SecurityHeaders.StrictTransportSecurity;
        var found = SecurityHeaders.None;
        var recognised = false;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0 || argument.IsImplicit)
            {
                continue;
            }

            foreach (var operation in PolicyOperations(argument.Value))
            {
                if (operation is IInvocationOperation { TargetMethod.Name: var name } && NetEscapadesMethod(name, operation) is { } headers)
                {
                    recognised = true;
                    found |= headers;
                }
            }
        }

        return recognised ? found : Defaults;
    }

    private static System.Collections.Generic.IEnumerable<IOperation> PolicyOperations(IOperation value)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            yield return operation;
        }

        if (value is not ILocalReferenceOperation local)
        {
            yield break;
        }

        var root = OperationTree.Root(value);

        foreach (var declarator in root.Descendants())
        {
            if (declarator is IVariableDeclaratorOperation { Initializer: { } initializer } found
                && SymbolEqualityComparer.Default.Equals(found.Symbol, local.Local))
            {
                foreach (var operation in initializer.Value.DescendantsAndSelf())
                {
                    yield return operation;
                }
            }
        }
    }

    private static SecurityHeaders? NetEscapadesMethod(string name, IOperation operation)
    {
        if (name == "AddDefaultSecurityHeaders")
        {
            return SecurityHeaders.AllChecked | SecurityHeaders.StrictTransportSecurity;
        }

        if (name == "AddContentTypeOptionsNoSniff")
        {
            return SecurityHeaders.ContentTypeOptions;
        }

        if (name.StartsWith("AddFrameOptions", System.StringComparison.Ordinal))
        {
            return SecurityHeaders.FrameProtection;
        }

        if (name == "AddContentSecurityPolicy")
        {
            var frameAncestors = false;
            foreach (var descendant in operation.Descendants())
            {
                frameAncestors |= descendant is IInvocationOperation { TargetMethod.Name: "AddFrameAncestors" };
            }

            return SecurityHeaders.ContentSecurityPolicy | (frameAncestors ? SecurityHeaders.FrameProtection : SecurityHeaders.None);
        }

        if (name.StartsWith("AddReferrerPolicy", System.StringComparison.Ordinal))
        {
            return SecurityHeaders.ReferrerPolicy;
        }

        return name.StartsWith("AddStrictTransportSecurity", System.StringComparison.Ordinal) ? SecurityHeaders.StrictTransportSecurity : null;
    }

    private static bool IsFrom(IMethodSymbol method, string library)
    {
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        if (method.ContainingAssembly?.Name.StartsWith(library, System.StringComparison.Ordinal) == true)
        {
            return true;
        }

        // The library's name begins the outermost namespace. Walking up to it allocates nothing, unlike
        // the namespace's display string, and every call on the app passes here.
        var outermost = type.ContainingNamespace;
        while (outermost?.ContainingNamespace is { IsGlobalNamespace: false } parent)
        {
            outermost = parent;
        }

        if (outermost is { IsGlobalNamespace: false } && outermost.Name.StartsWith(library, System.StringComparison.Ordinal))
        {
            return true;
        }

        // NetEscapades declares its entry point in Microsoft.AspNetCore.Builder.
        return library == "NetEscapades" && type.Name == "SecurityHeadersMiddlewareExtensions";
    }

    private static bool CallsFrameAncestors(IInvocationOperation invocation)
    {
        foreach (var descendant in invocation.Descendants())
        {
            if (descendant is IInvocationOperation { TargetMethod.Name: "FrameAncestors" })
            {
                return true;
            }
        }

        return false;
    }
}
