using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = NetSecAnalyzers.Analyzers.Tests.Pipeline.PipelineTest<
    NetSecAnalyzers.Analyzers.HttpsNotEnforcedAnalyzer,
    NetSecAnalyzers.CodeFixes.HttpsNotEnforcedCodeFixProvider>;
using Diagnostics = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.HttpsNotEnforcedAnalyzer,
    NetSecAnalyzers.CodeFixes.HttpsNotEnforcedCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.Pipeline;

/// <summary>NETSEC030 over the project templates' pipelines, Startup classes, helper methods and the proxy option.</summary>
public class HttpsNotEnforcedTests
{
    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task EmptyTemplate_Reports() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var builder = WebApplication.CreateBuilder(args);
        var app = {|#0:builder.Build()|};

        app.MapGet("/", () => "Hello World!");

        app.Run();
        """,
        Diagnostics.Diagnostic().WithLocation(0).WithMessage(
            "The app that builder.Build() creates never calls UseHttpsRedirection(), so it serves content over plain HTTP; redirect requests to HTTPS"));

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task WebApiTemplate_NoDiagnostic() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddEndpointsApiExplorer();

        var app = builder.Build();

        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }

        app.UseHttpsRedirection();

        app.MapGet("/weatherforecast", () => new[] { 1, 2, 3 }).WithName("GetWeatherForecast");

        app.Run();
        """);

    [Fact]
    [Trait("Rule", "NETSEC030")]
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
        app.UseAuthorization();

        app.MapStaticAssets();
        app.MapControllerRoute(name: "default", pattern: "{controller=Home}/{action=Index}/{id?}");

        app.Run();
        """);

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task RazorTemplateWithoutRedirection_Reports() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();

        var app = [|builder.Build()|];

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseRouting();
        app.UseAuthorization();
        app.MapStaticAssets();
        app.MapRazorPages();

        app.Run();
        """);

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task RedirectionOnlyInDevelopment_Reports() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        var app = {|#0:builder.Build()|};
        if (app.Environment.IsDevelopment())
        {
            app.UseHttpsRedirection();
        }

        app.MapGet("/", () => "Hello World!");
        app.Run();
        """,
        Diagnostics.Diagnostic().WithLocation(0).WithMessage(
            "The app that builder.Build() creates calls UseHttpsRedirection() only in development, so it serves content over plain HTTP; redirect requests to HTTPS"));

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task RedirectionOutsideDevelopment_NoDiagnostic() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHttpsRedirection();
        }

        app.MapGet("/", () => "Hello World!");
        app.Run();
        """);

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task RedirectionAfterStaticFiles_Reports() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;

        var builder = WebApplication.CreateBuilder(args);
        var app = {|#0:builder.Build()|};
        app.UseStaticFiles();
        app.UseHttpsRedirection();
        app.Run();
        """,
        Diagnostics.Diagnostic().WithLocation(0).WithMessage(
            "The app that builder.Build() creates calls UseHttpsRedirection() after UseStaticFiles(), so UseStaticFiles() serves content over plain HTTP; redirect requests to HTTPS"));

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task EndpointsMappedBeforeRedirection_NoDiagnostic() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();

        // WebApplication runs its endpoints at the end of the pipeline, wherever they are mapped.
        app.MapGet("/", () => "Hello World!");
        app.UseHttpsRedirection();
        app.UseStaticFiles();
        app.Run();
        """);

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task ForwardedHeadersAfterRedirection_Reports() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;

        var builder = WebApplication.CreateBuilder(args);
        var app = {|#0:builder.Build()|};
        app.UseHttpsRedirection();
        app.UseForwardedHeaders();
        app.Run();
        """,
        Diagnostics.Diagnostic().WithLocation(0).WithMessage(
            "The app that builder.Build() creates calls UseForwardedHeaders() after UseHttpsRedirection(), so the redirection sees the proxy's scheme instead of the client's; call UseForwardedHeaders() first, or behind a proxy that terminates TLS the app serves content over plain HTTP; redirect requests to HTTPS"));

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task ForwardedHeadersFirst_NoDiagnostic() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseHttpsRedirection();
        app.Run();
        """);

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task StartupWithoutRedirection_Reports() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        public class Startup
        {
            public void {|#0:Configure|}(IApplicationBuilder app, IWebHostEnvironment env)
            {
                if (env.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }

                app.UseStaticFiles();
                app.UseRouting();
                app.UseEndpoints(endpoints => endpoints.MapControllers());
            }
        }

        public static class Program
        {
            public static void Main() { }
        }
        """,
        Diagnostics.Diagnostic().WithLocation(0).WithMessage(
            "Startup.Configure never calls UseHttpsRedirection(), so it serves content over plain HTTP; redirect requests to HTTPS"));

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task StartupEndpointsBeforeRedirection_Reports() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;

        public class Startup
        {
            public void [|Configure|](IApplicationBuilder app)
            {
                app.UseRouting();
                app.UseEndpoints(endpoints => endpoints.MapControllers());
                app.UseHttpsRedirection();
            }
        }

        public static class Program
        {
            public static void Main() { }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task StartupTemplate_NoDiagnostic() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) => services.AddRazorPages();

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
                app.UseStaticFiles();
                app.UseRouting();
                app.UseAuthorization();
                app.UseEndpoints(endpoints => endpoints.MapRazorPages());
            }
        }

        public static class Program
        {
            public static void Main() { }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task RedirectionInExtensionMethod_NoDiagnostic() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseTransportSecurity();
        app.MapGet("/", () => "Hello World!");
        app.Run();

        static class PipelineExtensions
        {
            public static IApplicationBuilder UseTransportSecurity(this IApplicationBuilder app) =>
                app.UseHsts().UseHttpsRedirection();
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task ExtensionMethodWithoutRedirection_Reports() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var builder = WebApplication.CreateBuilder(args);
        var app = [|builder.Build()|];
        PipelineSetup.Configure(app);
        app.Run();

        static class PipelineSetup
        {
            public static void Configure(WebApplication app)
            {
                app.UseStaticFiles();
                app.MapGet("/", () => "Hello World!");
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task AppPassedToExternalLibrary_NoDiagnostic()
    {
        var test = Verify.Create("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseCompanyDefaults();
            app.MapGet("/", () => "Hello World!");
            app.Run();
            """);
        HeaderLibraryStubs.Add(test.TestState, "Company.Web", """
            namespace Microsoft.AspNetCore.Builder;

            public static class CompanyDefaults
            {
                public static IApplicationBuilder UseCompanyDefaults(this IApplicationBuilder app) => app.UseHttpsRedirection();
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task MainMethodWithoutRedirection_Reports() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                WebApplication app;
                app = [|builder.Build()|];
                app.MapGet("/", () => "Hello World!");
                app.Run();
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task AppReturnedToCaller_NoDiagnostic() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = AppFactory.Create(args);
        app.UseHttpsRedirection();
        app.Run();

        static class AppFactory
        {
            public static WebApplication Create(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.MapGet("/", () => "Hello World!");
                return app;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task ChainedBuildAndRun_Reports() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;

        var builder = WebApplication.CreateBuilder(args);
        [|builder.Build()|].UseStaticFiles();
        """);

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task WebApplicationCreate_Reports() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = [|WebApplication.Create(args)|];
        app.MapGet("/", () => "Hello World!");
        app.Run();
        """);

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task RequireHttpsOnOneController_Reports() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        var app = [|builder.Build()|];
        app.MapControllers();
        app.Run();

        [RequireHttps]
        public class AccountController : Controller
        {
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task RequireHttpsGlobalFilter_NoDiagnostic() => Verify.VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers(options => options.Filters.Add(new RequireHttpsAttribute()));
        var app = builder.Build();
        app.MapControllers();
        app.Run();
        """);

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task TlsTerminatedUpstreamOption_NoDiagnostic() => Verify.VerifyWithOptionsAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/", () => "Hello World!");
        app.Run();
        """,
        "netsec.tls_terminated_upstream = true");

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task TlsTerminatedUpstreamFalse_Reports() => Verify.VerifyWithOptionsAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var builder = WebApplication.CreateBuilder(args);
        var app = [|builder.Build()|];
        app.MapGet("/", () => "Hello World!");
        app.Run();
        """,
        "netsec.tls_terminated_upstream = false");

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task MissingRedirection_Fix() => Verify.VerifyFixAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var builder = WebApplication.CreateBuilder(args);
        var app = [|builder.Build()|];

        app.UseStaticFiles();
        app.MapGet("/", () => "Hello World!");
        app.Run();
        """, """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();

        app.UseHttpsRedirection();
        app.UseStaticFiles();
        app.MapGet("/", () => "Hello World!");
        app.Run();
        """);

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public Task StartupMissingRedirection_Fix() => Verify.VerifyFixAsync("""
        using Microsoft.AspNetCore.Builder;

        public class Startup
        {
            public void [|Configure|](IApplicationBuilder app)
            {
                app.UseDeveloperExceptionPage();
                app.UseRouting();
                app.UseEndpoints(endpoints => endpoints.MapControllers());
            }
        }

        public static class Program
        {
            public static void Main() { }
        }
        """, """
        using Microsoft.AspNetCore.Builder;

        public class Startup
        {
            public void Configure(IApplicationBuilder app)
            {
                app.UseDeveloperExceptionPage();
                app.UseHttpsRedirection();
                app.UseRouting();
                app.UseEndpoints(endpoints => endpoints.MapControllers());
            }
        }

        public static class Program
        {
            public static void Main() { }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC030")]
    public async Task AspNetCoreNotReferenced_NoDiagnostic()
    {
        var compilation = Infrastructure.CoreOnlyCompilation.Create("""
            namespace Microsoft.AspNetCore.Builder
            {
                public class WebApplicationBuilder { public WebApplication Build() => new WebApplication(); }
                public class WebApplication { public void Run() { } }
            }

            class C
            {
                void M() => new Microsoft.AspNetCore.Builder.WebApplicationBuilder().Build().Run();
            }
            """);

        var diagnostics = await Infrastructure.CoreOnlyCompilation.AnalyzeAsync(compilation, new HttpsNotEnforcedAnalyzer());

        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "NETSEC030");
    }
}
