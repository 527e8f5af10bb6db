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
    public Task DelegateShapes_Reports() => Verify.VerifyAsync("""
        using System;
        using Microsoft.AspNetCore.HttpsPolicy;

        delegate void ConfigureHsts(HstsOptions options);
        delegate void ConfigureSecond<TIgnored, TOptions>(TOptions options);

        class Outer<T>
        {
            public delegate void Configure(T options);
        }

        class C
        {
            void M(HstsOptions captured)
            {
                Action<HstsOptions> typed = (HstsOptions o) => o.MaxAge = [|TimeSpan.FromDays(1)|];
                Action<HstsOptions> parenthesized = (o) => o.MaxAge = [|TimeSpan.FromDays(2)|];
                Action<HstsOptions> anonymous = delegate (HstsOptions o) { o.IncludeSubDomains = [|false|]; };
                Action<HstsOptions> withoutList = delegate { captured.MaxAge = [|TimeSpan.FromDays(3)|]; };
                ConfigureHsts custom = o => o.MaxAge = [|TimeSpan.FromDays(4)|];
                ConfigureSecond<int, HstsOptions> second = o => o.MaxAge = [|TimeSpan.FromDays(5)|];
                Outer<HstsOptions>.Configure nested = o => o.MaxAge = [|TimeSpan.FromDays(6)|];
                var natural = (HstsOptions o) => o.MaxAge = [|TimeSpan.FromDays(7)|];
            }

            static void Main() { }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC033")]
    public Task OtherDelegateShapes_NoDiagnostic() => Verify.VerifyAsync("""
        using System;
        using Microsoft.AspNetCore.HttpsPolicy;

        delegate void Log(string message);
        delegate void ConfigureFirst<TFirst, TIgnored>(TFirst value);

        class Outer<T>
        {
            public delegate void Configure(T options);
        }

        class C
        {
            void M(HstsOptions shared)
            {
                Action<string> text = s => shared.MaxAge = TimeSpan.FromDays(1);
                Func<HstsOptions, int, bool> pair = (o, n) => { o.MaxAge = TimeSpan.FromDays(1); return true; };
                Action<int> number = (int n) => shared.IncludeSubDomains = false;
                Log log = message => shared.MaxAge = TimeSpan.FromDays(1);
                ConfigureFirst<int, HstsOptions> first = n => shared.MaxAge = TimeSpan.FromDays(1);
                Outer<string>.Configure nested = s => shared.MaxAge = TimeSpan.FromDays(1);
                Action<HstsOptions, HstsOptions> twoOptions = delegate { shared.Preload = true; };
                Action<object> boxed = delegate (object o) { shared.MaxAge = TimeSpan.FromDays(1); };
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
