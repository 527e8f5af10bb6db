using System.Threading.Tasks;
using Verify = NetSecAnalyzers.Analyzers.Tests.Pipeline.PipelineTest<
    NetSecAnalyzers.Analyzers.HstsPolicyTooWeakAnalyzer,
    NetSecAnalyzers.CodeFixes.HstsPolicyTooWeakCodeFixProvider>;
using Diagnostics = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.HstsPolicyTooWeakAnalyzer,
    NetSecAnalyzers.CodeFixes.HstsPolicyTooWeakCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.Pipeline;

/// <summary>NETSEC033 over <c>AddHsts</c> and <c>Configure&lt;HstsOptions&gt;</c> delegates, the minimum option and the fixes.</summary>
public class HstsPolicyTooWeakTests
{
    [Fact]
    [Trait("Rule", "NETSEC033")]
    public Task ShortMaxAge_Reports() => Verify.VerifyAsync("""
        using System;
        using Microsoft.AspNetCore.Builder;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = {|#0:TimeSpan.FromDays(60)|};
            options.IncludeSubDomains = true;
        });
        builder.Build().Run();
        """,
        Diagnostics.Diagnostic().WithLocation(0).WithMessage(
            "HstsOptions.MaxAge = TimeSpan.FromDays(60) keeps browsers on HTTPS for only 60 days; set MaxAge to at least 365 days"));

    [Fact]
    [Trait("Rule", "NETSEC033")]
    public Task ConfigureOptionsShapes_Reports() => Verify.VerifyAsync("""
        using System;
        using Microsoft.AspNetCore.HttpsPolicy;
        using Microsoft.Extensions.DependencyInjection;

        class C
        {
            void M(IServiceCollection services)
            {
                services.Configure<HstsOptions>(o => o.MaxAge = [|new TimeSpan(30, 0, 0, 0)|]);
                services.Configure<HstsOptions>(o => o.IncludeSubDomains = [|false|]);
                services.AddOptions<HstsOptions>().Configure(o =>
                {
                    o.MaxAge = [|TimeSpan.FromHours(1)|];
                    o.Preload = [|true|];
                });
            }

            static void Main() { }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC033")]
    public Task StrongPolicy_NoDiagnostic() => Verify.VerifyAsync("""
        using System;
        using Microsoft.AspNetCore.Builder;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(730);
            options.IncludeSubDomains = true;
            options.Preload = true;
        });
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromSeconds(31536000));
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(ReadDays()));
        builder.Build().Run();

        static int ReadDays() => 30;
        """);

    [Fact]
    [Trait("Rule", "NETSEC033")]
    public Task ConfiguredMinimum_Reports() => Verify.VerifyWithOptionsAsync("""
        using System;
        using Microsoft.AspNetCore.Builder;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHsts(options => options.MaxAge = {|#0:TimeSpan.FromDays(365)|});
        builder.Build().Run();
        """,
        "netsec.hsts_min_max_age = 63072000",
        Diagnostics.Diagnostic().WithLocation(0).WithMessage(
            "HstsOptions.MaxAge = TimeSpan.FromDays(365) keeps browsers on HTTPS for only 365 days; set MaxAge to at least 730 days"));

    [Fact]
    [Trait("Rule", "NETSEC033")]
    public Task LowerConfiguredMinimum_NoDiagnostic() => Verify.VerifyWithOptionsAsync("""
        using System;
        using Microsoft.AspNetCore.Builder;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(180));
        builder.Build().Run();
        """,
        "netsec.hsts_min_max_age = 15552000");

    [Fact]
    [Trait("Rule", "NETSEC033")]
    public Task WeakPolicy_Fix() => Verify.VerifyFixAsync("""
        using System;
        using Microsoft.AspNetCore.Builder;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = [|TimeSpan.FromDays(30)|];
            options.IncludeSubDomains = [|false|];
        });
        builder.Services.AddHsts(options =>
        {
            options.Preload = [|true|];
        });
        builder.Build().Run();
        """, """
        using System;
        using Microsoft.AspNetCore.Builder;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        builder.Services.AddHsts(options =>
        {
            options.IncludeSubDomains = true;
            options.Preload = true;
        });
        builder.Build().Run();
        """);
}
