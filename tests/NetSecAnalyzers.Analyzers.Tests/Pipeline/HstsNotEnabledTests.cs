using System.Threading.Tasks;
using Verify = NetSecAnalyzers.Analyzers.Tests.Pipeline.PipelineTest<
    NetSecAnalyzers.Analyzers.HstsNotEnabledAnalyzer,
    NetSecAnalyzers.CodeFixes.HstsNotEnabledCodeFixProvider>;
using Diagnostics = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.HstsNotEnabledAnalyzer,
    NetSecAnalyzers.CodeFixes.HstsNotEnabledCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.Pipeline;

/// <summary>NETSEC032 over template pipelines, hand-written and library HSTS headers, the options and the fix.</summary>
public class HstsNotEnabledTests
{
    [Fact]
    [Trait("Rule", "NETSEC032")]
    public Task EmptyTemplate_Reports() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var builder = WebApplication.CreateBuilder(args);
        var app = {|#0:builder.Build()|};
        app.MapGet("/", () => "Hello World!");
        app.Run();
        """,
        Diagnostics.Diagnostic().WithLocation(0).WithMessage(
            "The app that builder.Build() creates never calls UseHsts(), so it does not send Strict-Transport-Security; enable HSTS"));

    [Fact]
    [Trait("Rule", "NETSEC032")]
    public Task MvcTemplate_NoDiagnostic() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Home/Error");
            app.UseHsts();
        }

        app.UseHttpsRedirection();
        app.UseRouting();
        app.MapControllerRoute(name: "default", pattern: "{controller=Home}/{action=Index}/{id?}");
        app.Run();
        """);

    [Fact]
    [Trait("Rule", "NETSEC032")]
    public Task UngatedUseHsts_NoDiagnostic() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseHsts();
        app.UseHttpsRedirection();
        app.Run();
        """);

    [Fact]
    [Trait("Rule", "NETSEC032")]
    public Task HstsOnlyInDevelopment_Reports() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        public class Startup
        {
            public void {|#0:Configure|}(IApplicationBuilder app, IWebHostEnvironment env)
            {
                if (env.IsDevelopment())
                {
                    app.UseHsts();
                }

                app.UseHttpsRedirection();
            }
        }

        public static class Program
        {
            public static void Main() { }
        }
        """,
        Diagnostics.Diagnostic().WithLocation(0).WithMessage(
            "Startup.Configure calls UseHsts() only in development, so it does not send Strict-Transport-Security; enable HSTS"));

    [Fact]
    [Trait("Rule", "NETSEC032")]
    public Task HeaderWrittenInline_NoDiagnostic() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            await next(context);
        });
        app.Run();
        """);

    [Fact]
    [Trait("Rule", "NETSEC032")]
    public Task HeaderWrittenInMiddlewareClass_NoDiagnostic() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Net.Http.Headers;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseMiddleware<TransportSecurityMiddleware>();
        app.Run();

        sealed class TransportSecurityMiddleware
        {
            private readonly RequestDelegate next;

            public TransportSecurityMiddleware(RequestDelegate next) => this.next = next;

            public Task InvokeAsync(HttpContext context)
            {
                context.Response.Headers.Append(HeaderNames.StrictTransportSecurity, "max-age=31536000");
                return next(context);
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC032")]
    public Task NWebsecHsts_NoDiagnostic()
    {
        var test = Verify.Create("""
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseHsts(options => options.MaxAge(365));
            app.Run();
            """);
        HeaderLibraryStubs.Add(test.TestState, "NWebsec.AspNetCore.Middleware", HeaderLibraryStubs.NWebsec);
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC032")]
    public Task ForwardedHeadersAfterHsts_Reports() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;

        var builder = WebApplication.CreateBuilder(args);
        var app = {|#0:builder.Build()|};
        app.UseHsts();
        app.UseForwardedHeaders();
        app.Run();
        """,
        Diagnostics.Diagnostic().WithLocation(0).WithMessage(
            "The app that builder.Build() creates calls UseForwardedHeaders() after UseHsts(), so behind a proxy that terminates TLS every request looks like plain HTTP and the app does not send Strict-Transport-Security; enable HSTS"));

    [Fact]
    [Trait("Rule", "NETSEC032")]
    public Task BrowserAppsOnlyForApi_NoDiagnostic() => Verify.VerifyWithOptionsAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/orders", () => new[] { 1, 2 });
        app.Run();
        """,
        "netsec.hsts_browser_apps_only = true");

    [Fact]
    [Trait("Rule", "NETSEC032")]
    public Task BrowserAppsOnlyForRazorPages_Reports() => Verify.VerifyWithOptionsAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();
        var app = [|builder.Build()|];
        app.MapRazorPages();
        app.Run();
        """,
        "netsec.hsts_browser_apps_only = true");

    [Fact]
    [Trait("Rule", "NETSEC032")]
    public Task TlsTerminatedUpstream_NoDiagnostic() => Verify.VerifyWithOptionsAsync("""
        using Microsoft.AspNetCore.Builder;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseStaticFiles();
        app.Run();
        """,
        "netsec.tls_terminated_upstream = true");

    [Fact]
    [Trait("Rule", "NETSEC032")]
    public Task ExistingProductionBlock_Fix() => Verify.VerifyFixAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        var app = [|builder.Build()|];
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.UseHttpsRedirection();
        app.UseStaticFiles();
        app.Run();
        """, """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseHttpsRedirection();
        app.UseStaticFiles();
        app.Run();
        """);

    [Fact]
    [Trait("Rule", "NETSEC032")]
    public Task NoProductionBlock_Fix() => Verify.VerifyFixAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var builder = WebApplication.CreateBuilder(args);
        var app = [|builder.Build()|];

        app.MapGet("/", () => "Hello World!");
        app.Run();
        """, """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.MapGet("/", () => "Hello World!");
        app.Run();
        """);

    [Fact]
    [Trait("Rule", "NETSEC032")]
    public Task StartupElseBranch_Fix() => Verify.VerifyFixAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        public class Startup
        {
            public void [|Configure|](IApplicationBuilder app, IWebHostEnvironment env)
            {
                if (env.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
                else
                {
                    app.UseExceptionHandler("/Error");
                }

                app.UseHttpsRedirection();
                app.UseRouting();
            }
        }

        public static class Program
        {
            public static void Main() { }
        }
        """, """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        public class Startup
        {
            public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                if (env.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
                else
                {
                    app.UseExceptionHandler("/Error");
                    app.UseHsts();
                }

                app.UseHttpsRedirection();
                app.UseRouting();
            }
        }

        public static class Program
        {
            public static void Main() { }
        }
        """);
}
