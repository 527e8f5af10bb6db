using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

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
            // The default policy, and the policy builders' defaults, send all of them and HSTS on HTTPS responses.
            headers = method.Name == "UseSecurityHeaders" ? SecurityHeaders.AllChecked | SecurityHeaders.StrictTransportSecurity : SecurityHeaders.None;
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

        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (ns.StartsWith(library, System.StringComparison.Ordinal))
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
