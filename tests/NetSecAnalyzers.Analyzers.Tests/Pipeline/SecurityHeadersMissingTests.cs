using System.Threading.Tasks;
using Verify = NetSecAnalyzers.Analyzers.Tests.Pipeline.PipelineTest<
    NetSecAnalyzers.Analyzers.SecurityHeadersMissingAnalyzer,
    NetSecAnalyzers.CodeFixes.SecurityHeadersMissingCodeFixProvider>;
using Diagnostics = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.SecurityHeadersMissingAnalyzer,
    NetSecAnalyzers.CodeFixes.SecurityHeadersMissingCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.Pipeline;

/// <summary>NETSEC034 over headers set by hand, in middleware classes and helpers, by the known libraries, and the fix.</summary>
public class SecurityHeadersMissingTests
{
    [Fact]
    [Trait("Rule", "NETSEC034")]
    public Task MinimalApiTemplate_Reports() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var builder = WebApplication.CreateBuilder(args);
        var app = {|#0:builder.Build()|};
        app.UseHttpsRedirection();
        app.MapGet("/", () => "Hello World!");
        app.Run();
        """,
        Diagnostics.Diagnostic().WithLocation(0).WithMessage(
            "The app that builder.Build() creates does not set X-Content-Type-Options, clickjacking protection (X-Frame-Options or CSP frame-ancestors), Content-Security-Policy or Referrer-Policy; add the missing headers"));

    [Fact]
    [Trait("Rule", "NETSEC034")]
    public Task InlineMiddlewareSetsAll_NoDiagnostic() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'";
            headers["Referrer-Policy"] = "no-referrer";
            await next(context);
        });
        app.MapGet("/", () => "Hello World!");
        app.Run();
        """);

    [Fact]
    [Trait("Rule", "NETSEC034")]
    public Task PartialHeaders_Reports() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var builder = WebApplication.CreateBuilder(args);
        var app = {|#0:builder.Build()|};
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'";
            await next(context);
        });
        app.Run();
        """,
        Diagnostics.Diagnostic().WithLocation(0).WithMessage(
            "The app that builder.Build() creates does not set clickjacking protection (X-Frame-Options or CSP frame-ancestors) or Referrer-Policy; add the missing headers"));

    [Fact]
    [Trait("Rule", "NETSEC034")]
    public Task MiddlewareClassInStartup_NoDiagnostic() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Net.Http.Headers;

        public class Startup
        {
            public void Configure(IApplicationBuilder app)
            {
                app.UseHttpsRedirection();
                app.UseSecurityHeadersByHand();
                app.UseRouting();
            }
        }

        public static class SecurityHeaderExtensions
        {
            public static IApplicationBuilder UseSecurityHeadersByHand(this IApplicationBuilder app) =>
                app.UseMiddleware<SecurityHeadersMiddleware>();
        }

        public sealed class SecurityHeadersMiddleware
        {
            private const string ReferrerPolicy = "Referrer-Policy";
            private readonly RequestDelegate next;

            public SecurityHeadersMiddleware(RequestDelegate next) => this.next = next;

            public Task InvokeAsync(HttpContext context)
            {
                context.Response.OnStarting(() =>
                {
                    Apply(context.Response.Headers);
                    return Task.CompletedTask;
                });
                return next(context);
            }

            private static void Apply(IHeaderDictionary headers)
            {
                headers.Append(HeaderNames.XContentTypeOptions, "nosniff");
                headers.Add(HeaderNames.XFrameOptions, "DENY");
                headers.TryAdd("Content-Security-Policy", "default-src 'self'");
                headers[ReferrerPolicy] = "no-referrer";
            }
        }

        public static class Program
        {
            public static void Main() { }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC034")]
    public Task MiddlewareByType_NoDiagnostic() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseMiddleware(typeof(HeaderMiddleware));
        app.Run();

        sealed class HeaderMiddleware : IMiddleware
        {
            public Task InvokeAsync(HttpContext context, RequestDelegate next)
            {
                context.Response.Headers["X-Content-Type-Options"] = "nosniff";
                context.Response.Headers["X-Frame-Options"] = "SAMEORIGIN";
                context.Response.Headers["Content-Security-Policy"] = "default-src 'self'";
                context.Response.Headers["Referrer-Policy"] = "same-origin";
                return next(context);
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC034")]
    public Task ExternalMiddlewareClass_NoDiagnostic()
    {
        var test = Verify.Create("""
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseMiddleware<Company.Web.HeaderMiddleware>();
            app.Run();
            """);
        HeaderLibraryStubs.Add(test.TestState, "Company.Web", """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;

            namespace Company.Web;

            public sealed class HeaderMiddleware
            {
                private readonly RequestDelegate next;

                public HeaderMiddleware(RequestDelegate next) => this.next = next;

                public Task InvokeAsync(HttpContext context) => next(context);
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC034")]
    public Task NetEscapadesDefaults_NoDiagnostic()
    {
        var test = Verify.Create("""
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseSecurityHeaders();
            app.Run();
            """);
        HeaderLibraryStubs.Add(test.TestState, "NetEscapades.AspNetCore.SecurityHeaders", HeaderLibraryStubs.NetEscapades);
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC034")]
    public Task NetEscapadesCustomPolicy_Reports()
    {
        var test = Verify.Create("""
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = {|#0:builder.Build()|};
            var policies = new HeaderPolicyCollection()
                .AddContentTypeOptionsNoSniff()
                .AddContentSecurityPolicy(csp => csp.AddDefaultSrc().None());
            app.UseSecurityHeaders(policies);
            app.Run();
            """);
        HeaderLibraryStubs.Add(test.TestState, "NetEscapades.AspNetCore.SecurityHeaders", HeaderLibraryStubs.NetEscapades);
        test.ExpectedDiagnostics.Add(Diagnostics.Diagnostic().WithLocation(0)
            .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("The app that builder.Build() creates", "clickjacking protection (X-Frame-Options or CSP frame-ancestors) or Referrer-Policy"));
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC034")]
    public Task NetEscapadesFullCustomPolicy_NoDiagnostic()
    {
        var test = Verify.Create("""
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseSecurityHeaders(new HeaderPolicyCollection()
                .AddContentTypeOptionsNoSniff()
                .AddReferrerPolicyNoReferrer()
                .AddContentSecurityPolicy(csp => csp.AddFrameAncestors().None()));
            app.Run();
            """);
        HeaderLibraryStubs.Add(test.TestState, "NetEscapades.AspNetCore.SecurityHeaders", HeaderLibraryStubs.NetEscapades);
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC034")]
    public Task OwaspHeadersDefaults_NoDiagnostic()
    {
        var test = Verify.Create("""
            using Microsoft.AspNetCore.Builder;
            using OwaspHeaders.Core.Extensions;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseSecureHeadersMiddleware(SecureHeadersMiddlewareExtensions.BuildDefaultConfiguration());
            app.Run();
            """);
        HeaderLibraryStubs.Add(test.TestState, "OwaspHeaders.Core", HeaderLibraryStubs.OwaspHeaders);
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC034")]
    public Task NWebsecAllHeaders_NoDiagnostic()
    {
        var test = Verify.Create("""
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseXContentTypeOptions();
            app.UseReferrerPolicy(options => options.NoReferrer());
            app.UseCsp(options => options.FrameAncestors(source => source.Self()));
            app.Run();
            """);
        HeaderLibraryStubs.Add(test.TestState, "NWebsec.AspNetCore.Middleware", HeaderLibraryStubs.NWebsec);
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC034")]
    public Task NWebsecWithoutReferrerPolicy_Reports()
    {
        var test = Verify.Create("""
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = {|#0:builder.Build()|};
            app.UseXContentTypeOptions();
            app.UseXfo(options => options.Deny());
            app.UseCsp(options => options.Self());
            app.Run();
            """);
        HeaderLibraryStubs.Add(test.TestState, "NWebsec.AspNetCore.Middleware", HeaderLibraryStubs.NWebsec);
        test.ExpectedDiagnostics.Add(Diagnostics.Diagnostic().WithLocation(0)
            .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("The app that builder.Build() creates", "Referrer-Policy"));
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC034")]
    public Task MinimalApiTemplate_Fix() => Verify.VerifyFixAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var builder = WebApplication.CreateBuilder(args);
        var app = [|builder.Build()|];
        app.UseHttpsRedirection();
        app.MapGet("/", () => "Hello World!");
        app.Run();
        """, """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseHttpsRedirection();
        app.Use(async (context, next) =>
        {
            // Security headers for every response. Adjust Content-Security-Policy to what the pages load.
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["Content-Security-Policy"] = "default-src 'self'; frame-ancestors 'none'";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            await next(context);
        });
        app.MapGet("/", () => "Hello World!");
        app.Run();
        """);

    [Fact]
    [Trait("Rule", "NETSEC034")]
    public Task StartupMissingFrameProtection_Fix() => Verify.VerifyFixAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        public class Startup
        {
            public void [|Configure|](IApplicationBuilder app)
            {
                app.Use(async (context, next) =>
                {
                    context.Response.Headers["X-Content-Type-Options"] = "nosniff";
                    context.Response.Headers["Content-Security-Policy"] = "default-src 'self'";
                    context.Response.Headers["Referrer-Policy"] = "no-referrer";
                    await next(context);
                });
                app.UseRouting();
            }
        }

        public static class Program
        {
            public static void Main() { }
        }
        """, """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        public class Startup
        {
            public void Configure(IApplicationBuilder app)
            {
                app.Use(async (context, next) =>
                {
                    context.Response.Headers["X-Content-Type-Options"] = "nosniff";
                    context.Response.Headers["Content-Security-Policy"] = "default-src 'self'";
                    context.Response.Headers["Referrer-Policy"] = "no-referrer";
                    await next(context);
                });
                app.Use(async (context, next) =>
                {
                    // Security headers for every response. Adjust Content-Security-Policy to what the pages load.
                    var headers = context.Response.Headers;
                    headers["X-Frame-Options"] = "DENY";
                    await next(context);
                });
                app.UseRouting();
            }
        }

        public static class Program
        {
            public static void Main() { }
        }
        """);
}
