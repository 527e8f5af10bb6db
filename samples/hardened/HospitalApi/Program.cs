// The patient-records API with transport security in place: TLS 1.2 and 1.3 only, validated certificates,
// HTTPS redirection, HSTS, security headers and a rate-limited sign-in endpoint.
using System.Security.Authentication;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

var builder = WebApplication.CreateBuilder(args);

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.ConfigureHttpsDefaults(https => https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13);
});

builder.Services.AddHsts(options =>
{
    options.MaxAge = TimeSpan.FromDays(365);
    options.IncludeSubDomains = true;
});

builder.Services.AddRateLimiter(limiter =>
{
    limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    limiter.AddFixedWindowLimiter("sign-in", window =>
    {
        window.PermitLimit = 5;
        window.Window = TimeSpan.FromMinutes(1);
    });
});

// The laboratory client keeps the platform's certificate validation and offers only TLS 1.2 and 1.3.
builder.Services.AddHttpClient("lab", client => client.BaseAddress = new Uri("https://lab.hospital.example/"))
    .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
    {
        SslOptions = { EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 },
    });

var app = builder.Build();

// nginx terminates TLS in front of the API and forwards the original scheme.
app.UseForwardedHeaders(new ForwardedHeadersOptions
{
    ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
});

if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseHttpsRedirection();

app.Use(async (context, next) =>
{
    var headers = context.Response.Headers;
    headers["X-Content-Type-Options"] = "nosniff";
    headers["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'";
    headers["Referrer-Policy"] = "no-referrer";
    await next(context);
});

app.UseRateLimiter();

app.MapGet("/patients/{id:int}", (int id) => Results.Ok(new { id, name = "Sample Patient" }));
app.MapPost("/login", (LoginRequest request) => Results.Ok(new { token = "sample-token" }))
    .RequireRateLimiting("sign-in");
app.MapGet("/lab/{id:int}", async (int id, IHttpClientFactory clients) =>
    Results.Ok(await clients.CreateClient("lab").GetStringAsync($"results/{id}")));

app.Run();

internal sealed record LoginRequest(string User, string Password);
