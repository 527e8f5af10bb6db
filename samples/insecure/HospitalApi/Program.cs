// A patient-records API as it is often first written: it works, and it is unsafe in ways NetSecAnalyzers
// reports. Compare it with ../../hardened/HospitalApi/Program.cs.
using System.Net;
using System.Net.Security;
using System.Security.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = true;
    kestrel.ConfigureHttpsDefaults(https =>
    {
        // Kept for an old lab analyser that only speaks TLS 1.0.
        https.SslProtocols = SslProtocols.Tls | SslProtocols.Tls12;

        // The same analyser needs 3DES and static RSA, and a debugging session left plain text allowed.
        https.OnAuthenticate = (connection, sslOptions) =>
        {
            sslOptions.EncryptionPolicy = EncryptionPolicy.AllowNoEncryption;
            if (!OperatingSystem.IsWindows())
            {
                sslOptions.CipherSuitesPolicy = new CipherSuitesPolicy(new[]
                {
                    TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                    TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
                    TlsCipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
                });
            }
        };
    });
});

// HSTS options are configured, but with a one-month policy, and UseHsts() is never called below.
builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(30));

// The laboratory system's client accepts any certificate and still offers TLS 1.1.
var labHandler = new HttpClientHandler
{
    SslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12,
    ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    CheckCertificateRevocationList = false,
};
var labClient = new HttpClient(labHandler) { BaseAddress = new Uri("http://lab.hospital.example/") };

// A legacy integration still sets the process-wide protocol list.
ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls;

var app = builder.Build();

app.MapGet("/patients/{id:int}", (int id) => Results.Ok(new { id, name = "Sample Patient" }));
app.MapPost("/login", (LoginRequest request) => Results.Ok(new { token = "sample-token" }));
app.MapGet("/lab/{id:int}", async (int id) => Results.Ok(await labClient.GetStringAsync($"results/{id}")));

app.Run();

internal sealed record LoginRequest(string User, string Password);
