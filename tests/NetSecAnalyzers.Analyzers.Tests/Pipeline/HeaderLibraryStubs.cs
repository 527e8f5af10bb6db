using Microsoft.CodeAnalysis.Testing;
using NetSecAnalyzers.Analyzers.Tests.Infrastructure;

namespace NetSecAnalyzers.Analyzers.Tests.Pipeline;

/// <summary>
/// Stand-ins for the security-header libraries, compiled as separate assemblies with the packages'
/// assembly names, namespaces and method names, because the tests reference no NuGet packages.
/// </summary>
internal static class HeaderLibraryStubs
{
    public const string NetEscapades = """
        using System;

        namespace Microsoft.AspNetCore.Builder;

        public sealed class CspBuilder
        {
            public CspBuilder AddDefaultSrc() => this;
            public CspBuilder AddFrameAncestors() => this;
            public CspBuilder None() => this;
        }

        public sealed class HeaderPolicyCollection
        {
            public HeaderPolicyCollection AddDefaultSecurityHeaders() => this;
            public HeaderPolicyCollection AddContentTypeOptionsNoSniff() => this;
            public HeaderPolicyCollection AddFrameOptionsDeny() => this;
            public HeaderPolicyCollection AddReferrerPolicyNoReferrer() => this;
            public HeaderPolicyCollection AddContentSecurityPolicy(Action<CspBuilder> configure) => this;
        }

        public static class SecurityHeadersMiddlewareExtensions
        {
            public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app;
            public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, HeaderPolicyCollection policies) => app;
        }
        """;

    public const string NWebsec = """
        using System;

        namespace Microsoft.AspNetCore.Builder;

        public sealed class FluentOptions
        {
            public FluentOptions MaxAge(int days) => this;
            public FluentOptions FrameAncestors(Action<FluentOptions> configure) => this;
            public FluentOptions Self() => this;
            public FluentOptions NoSniff() => this;
            public FluentOptions NoReferrer() => this;
            public FluentOptions Deny() => this;
        }

        public static class ApplicationBuilderExtensions
        {
            public static IApplicationBuilder UseHsts(this IApplicationBuilder app, Action<FluentOptions> configure) => app;
            public static IApplicationBuilder UseXContentTypeOptions(this IApplicationBuilder app) => app;
            public static IApplicationBuilder UseXfo(this IApplicationBuilder app, Action<FluentOptions> configure) => app;
            public static IApplicationBuilder UseCsp(this IApplicationBuilder app, Action<FluentOptions> configure) => app;
            public static IApplicationBuilder UseReferrerPolicy(this IApplicationBuilder app, Action<FluentOptions> configure) => app;
        }
        """;

    public const string OwaspHeaders = """
        using Microsoft.AspNetCore.Builder;

        namespace OwaspHeaders.Core.Extensions;

        public sealed class SecureHeadersMiddlewareConfiguration { }

        public static class SecureHeadersMiddlewareExtensions
        {
            public static SecureHeadersMiddlewareConfiguration BuildDefaultConfiguration() => new();
            public static IApplicationBuilder UseSecureHeadersMiddleware(this IApplicationBuilder app, SecureHeadersMiddlewareConfiguration configuration) => app;
        }
        """;

    /// <summary>Adds a library stub, or any other source, as a referenced project named <paramref name="assemblyName"/>.</summary>
    public static void Add(SolutionState state, string assemblyName, string source)
    {
        var project = state.AdditionalProjects[assemblyName];
        project.Sources.Add((assemblyName + ".cs", source));
        project.AdditionalReferences.AddRange(SdkReferenceAssemblies.MetadataReferences);
        state.AdditionalProjectReferences.Add(assemblyName);
    }
}
