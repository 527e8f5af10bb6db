using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NetSecAnalyzers.Analyzers.RateLimiting;
using NetSecAnalyzers.Analyzers.Tests.Infrastructure;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.AuthenticationEndpointWithoutRateLimitingAnalyzer,
    NetSecAnalyzers.CodeFixes.AuthenticationEndpointRateLimitingCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.AuthenticationEndpointWithoutRateLimiting;

/// <summary>Sign-in and token endpoints in minimal APIs and MVC controllers, the limits that cover them, and the fix.</summary>
public class AuthenticationEndpointWithoutRateLimitingTests
{
    [Fact]
    [Trait("Rule", "NETSEC070")]
    public Task MinimalApiLogin_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;

                var app = WebApplication.CreateBuilder(args).Build();
                app.MapPost({|#0:"/account/login"|}, () => Results.Ok());
                app.MapGet("/account/profile", () => Results.Ok());
                app.Run();
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0)
            .WithMessage("POST /account/login has no rate limiting; add a rate-limiting policy"));
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC070")]
    public Task RouteGroupPrefix_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;

        class Endpoints
        {
            void Map(IEndpointRouteBuilder routes)
            {
                var api = routes.MapGroup("/api").WithTags("api");
                var auth = api.MapGroup("auth");
                auth.MapPost({|#0:"/"|}, () => Results.Ok());
                api.MapMethods({|#1:"oauth/token"|}, new[] { "POST" }, () => Results.Ok());
                api.MapGet("/orders", () => Results.Ok());
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("POST /api/auth"),
        Verify.Diagnostic().WithLocation(1).WithArguments("endpoint /api/oauth/token"));

    [Fact]
    [Trait("Rule", "NETSEC070")]
    public Task ControllerAttributeRoutes_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("api/[controller]")]
        public class AuthController : ControllerBase
        {
            [HttpPost({|#0:"login"|})]
            public IActionResult Login() => Ok();

            // Every route under the controller's path counts, as it would in an nginx location.
            [HttpGet({|#3:"me"|})]
            public IActionResult Me() => Ok();
        }

        [Route("api/accounts")]
        public class AccountsController : Controller
        {
            [{|#1:HttpPost|}]
            public IActionResult Create() => Ok();

            [Route({|#2:"/password/reset"|})]
            public IActionResult Reset() => Ok();
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("POST /api/Auth/login"),
        Verify.Diagnostic().WithLocation(3).WithArguments("GET /api/Auth/me"),
        Verify.Diagnostic().WithLocation(2).WithArguments("endpoint /password/reset"));

    [Fact]
    [Trait("Rule", "NETSEC070")]
    public Task ControllerRouteOnly_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        [Route("connect/token")]
        public class TokenController : ControllerBase
        {
            public IActionResult {|#0:Issue|}() => Ok();
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("endpoint /connect/token"));

    [Fact]
    [Trait("Rule", "NETSEC070")]
    public Task PoliciesWithoutGlobalLimiter_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.RateLimiting;
        using Microsoft.Extensions.DependencyInjection;

        class Startup
        {
            void Configure(IServiceCollection services, WebApplication app)
            {
                services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => o.PermitLimit = 100));
                app.UseRateLimiter();
                app.MapPost({|#0:"/signin"|}, () => Results.Ok());
                app.MapGet("/orders", () => Results.Ok()).RequireRateLimiting("api");
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("POST /signin"));

    [Fact]
    [Trait("Rule", "NETSEC070")]
    public Task EditorConfigPatterns_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;

                class C
                {
                    void M(WebApplication app)
                    {
                        app.MapPost({|#0:"/session"|}, () => Results.Ok());
                        app.MapPost("/login", () => Results.Ok());
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            netsec.auth_paths = session, api/keys
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("POST /session"));
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC070")]
    public Task EndpointLimits_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.RateLimiting;

        class C
        {
            void M(WebApplication app)
            {
                app.MapPost("/login", () => Results.Ok()).RequireRateLimiting("login").WithName("Login");
                app.MapPost("/token", () => Results.Ok()).WithName("Token").DisableRateLimiting();

                var auth = app.MapGroup("/auth");
                auth.RequireRateLimiting("login");
                auth.MapPost("/signin", () => Results.Ok());

                var reset = app.MapPost("/password/reset", () => Results.Ok());
                reset.RequireRateLimiting("login");

                app.MapGroup("/oauth").RequireRateLimiting("login").MapPost("/token", () => Results.Ok());
                app.MapPost("/authors", () => Results.Ok());
                app.MapPost("/tokens-of-appreciation", () => Results.Ok());
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC070")]
    public Task ControllerAttributes_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.RateLimiting;

        [Route("api/[controller]")]
        [EnableRateLimiting("login")]
        public class AuthController : ControllerBase
        {
            [HttpPost("login")]
            public IActionResult Login() => Ok();
        }

        [Route("api/account")]
        public class AccountController : ControllerBase
        {
            [HttpPost("token"), DisableRateLimiting]
            public IActionResult Token() => Ok();

            [HttpPost("signin"), EnableRateLimiting("login")]
            public IActionResult SignIn() => Ok();

            [NonAction]
            public IActionResult Login() => Ok();
        }

        public class LoginController : Controller
        {
            [HttpPost]
            public IActionResult Post() => Ok();
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC070")]
    public Task GlobalLimiter_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.RateLimiting;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.RateLimiting;
        using Microsoft.Extensions.DependencyInjection;

        class C
        {
            void M(IServiceCollection services, WebApplication app)
            {
                services.AddRateLimiter(options => options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(
                    context => RateLimitPartition.GetNoLimiter("all")));
                app.UseRateLimiter();
                app.MapPost("/login", () => Results.Ok());
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC070")]
    public Task GlobalLimiterWithoutMiddleware_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.RateLimiting;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.RateLimiting;
        using Microsoft.Extensions.DependencyInjection;

        class C
        {
            void M(IServiceCollection services, WebApplication app)
            {
                services.AddRateLimiter(options => options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(
                    context => RateLimitPartition.GetNoLimiter("all")));
                app.MapPost([|"/login"|], () => Results.Ok());
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC070")]
    public Task NonConstantRoute_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        class C
        {
            void M(WebApplication app, string route)
            {
                app.MapPost(route, () => Results.Ok());
                app.MapGroup(route).MapPost("/login", () => Results.Ok());
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC070")]
    public async Task RoutingNotReferenced_NoDiagnostic()
    {
        const string source = """
            namespace Microsoft.AspNetCore.Builder
            {
                public static class EndpointRouteBuilderLookalike
                {
                    public static void MapPost(this object app, string pattern) { }
                }
            }

            class C
            {
                void M(object app) => Microsoft.AspNetCore.Builder.EndpointRouteBuilderLookalike.MapPost(app, "/login");
            }
            """;
        var compilation = CoreOnlyCompilation.Create(source);

        var diagnostics = await CoreOnlyCompilation.AnalyzeAsync(compilation, new AuthenticationEndpointWithoutRateLimitingAnalyzer());

        Assert.Null(RateLimitingSymbols.TryCreate(compilation));
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "NETSEC070");
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    [Trait("Rule", "NETSEC070")]
    public Task TestProject_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;

                class C
                {
                    void M(WebApplication app) => app.MapPost("/login", () => Results.Ok());
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC070")]
    public Task OneRegisteredPolicy_Fix() => FixAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.RateLimiting;
        using Microsoft.Extensions.DependencyInjection;

        class C
        {
            void M(IServiceCollection services, WebApplication app)
            {
                services.AddRateLimiter(options => options.AddFixedWindowLimiter("login", o => o.PermitLimit = 5));
                app.UseRateLimiter();
                app.MapPost([|"/login"|], () => Results.Ok()).WithName("Login");
            }
        }
        """, """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.RateLimiting;
        using Microsoft.Extensions.DependencyInjection;

        class C
        {
            void M(IServiceCollection services, WebApplication app)
            {
                services.AddRateLimiter(options => options.AddFixedWindowLimiter("login", o => o.PermitLimit = 5));
                app.UseRateLimiter();
                app.MapPost("/login", () => Results.Ok()).RequireRateLimiting("login").WithName("Login");
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC070")]
    public Task SeveralPoliciesWithoutFix_Reports() => FixAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.RateLimiting;
        using Microsoft.Extensions.DependencyInjection;

        class C
        {
            void M(IServiceCollection services, WebApplication app)
            {
                services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => o.PermitLimit = 100).AddFixedWindowLimiter("strict", o => o.PermitLimit = 5));
                app.MapPost([|"/login"|], () => Results.Ok());
            }
        }
        """, """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.RateLimiting;
        using Microsoft.Extensions.DependencyInjection;

        class C
        {
            void M(IServiceCollection services, WebApplication app)
            {
                services.AddRateLimiter(options => options.AddFixedWindowLimiter("api", o => o.PermitLimit = 100).AddFixedWindowLimiter("strict", o => o.PermitLimit = 5));
                app.MapPost([|"/login"|], () => Results.Ok());
            }
        }
        """);

    /// <summary>
    /// Checks the fix of a diagnostic reported at the end of the compilation. Such diagnostics are not
    /// local to one document, and the testing library rejects code fixes for them unless the check is skipped.
    /// </summary>
    private static Task FixAsync(string source, string fixedSource)
    {
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        return test.RunAsync();
    }
}
