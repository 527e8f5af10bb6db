using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace NetSecAnalyzers.Benchmarks;

/// <summary>
/// Writes a seeded corpus of service code in the shape of an ASP.NET Core solution: domain records and
/// services, controllers and minimal-API endpoints, typed HTTP clients, <c>SslStream</c> wrappers, Kestrel
/// setup and legacy <c>ServicePointManager</c> code. About one file in twenty of the TLS kinds carries a
/// mistake that our rules or the peer rules report, so their reporting paths run too.
/// </summary>
internal sealed class CorpusGenerator
{
    private static readonly string[] Entities = { "Patient", "Invoice", "Order", "Shipment", "Ledger", "Claim", "Device", "Tenant", "Report", "Booking" };
    private static readonly string[] Hosts = { "billing", "lab", "pharmacy", "imaging", "records", "payments", "audit", "identity" };

    private readonly Random random;

    public CorpusGenerator(int seed)
    {
        random = new Random(seed);
    }

    /// <summary>Returns <paramref name="count"/> files as (path, text), plus one file of global usings.</summary>
    public List<(string Path, string Text)> Generate(int count)
    {
        var files = new List<(string, string)> { ("GlobalUsings.cs", GlobalUsings) };
        for (var i = 0; i < count; i++)
        {
            var entity = Entities[random.Next(Entities.Length)];
            var host = Hosts[random.Next(Hosts.Length)];
            var area = "Area" + (i % 40);
            var text = (i % 10) switch
            {
                0 or 1 or 2 => DomainService(i, area, entity),
                3 => Records(i, area, entity),
                4 => Controller(i, area, entity),
                5 => Endpoints(i, area, entity),
                6 => TypedClient(i, area, entity, host),
                7 => SecureChannel(i, area, host),
                8 => KestrelSetup(i, area),
                _ => LegacyClient(i, area, host),
            };
            files.Add(($"src/{area}/{entity}{i}.cs", text));
        }

        return files;
    }

    /// <summary>
    /// Returns <paramref name="count"/> nginx site files as AdditionalFiles for the config-file analyzer,
    /// one main file that includes them all, and every fifth site with TLS 1.0 allowed, so it reports.
    /// </summary>
    public static ImmutableArray<AdditionalText> NginxFiles(int count)
    {
        var files = ImmutableArray.CreateBuilder<AdditionalText>();
        files.Add(new MemoryText("/bench/nginx/nginx.conf", "events {}\nhttp {\n    include /bench/nginx/sites/*.conf;\n}\n"));
        for (var i = 0; i < count; i++)
        {
            var protocols = i % 5 == 0 ? "TLSv1 TLSv1.2" : "TLSv1.2 TLSv1.3";
            files.Add(new MemoryText($"/bench/nginx/sites/site{i}.conf", $$"""
                server {
                    listen 443 ssl;
                    server_name site{{i}}.example.com;
                    ssl_certificate /etc/ssl/site{{i}}.pem;
                    ssl_certificate_key /etc/ssl/site{{i}}.key;
                    ssl_protocols {{protocols}};
                    add_header Strict-Transport-Security "max-age=31536000" always;
                    location / {
                        proxy_pass http://127.0.0.1:{{8000 + i}};
                    }
                }

                """));
        }

        return files.ToImmutable();
    }

    private sealed class MemoryText : AdditionalText
    {
        private readonly SourceText text;

        public MemoryText(string path, string text)
        {
            Path = path;
            this.text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    private bool Mistake() => random.Next(20) == 0;

    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net;
        global using System.Net.Http;
        global using System.Net.Security;
        global using System.Security.Authentication;
        global using System.Security.Cryptography.X509Certificates;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Mvc;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Logging;
        """;

    private string DomainService(int i, string area, string entity)
    {
        var text = new StringBuilder();
        text.AppendLine($$"""
            namespace Contoso.{{area}};

            public sealed class {{entity}}Service{{i}}
            {
                private readonly Dictionary<int, {{entity}}Record{{i}}> store = new();
                private readonly ILogger<{{entity}}Service{{i}}> logger;

                public {{entity}}Service{{i}}(ILogger<{{entity}}Service{{i}}> logger)
                {
                    this.logger = logger;
                }

                public async Task<{{entity}}Record{{i}}?> FindAsync(int id, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    cancellationToken.ThrowIfCancellationRequested();
                    return store.TryGetValue(id, out var record) ? record : null;
                }
            """);
        var methods = 3 + random.Next(5);
        for (var m = 0; m < methods; m++)
        {
            text.AppendLine($$"""

                public IReadOnlyList<{{entity}}Record{{i}}> Query{{m}}(string? filter, int page, int size)
                {
                    var query = store.Values.AsEnumerable();
                    if (!string.IsNullOrWhiteSpace(filter))
                    {
                        query = query.Where(r => r.Name.Contains(filter, StringComparison.OrdinalIgnoreCase));
                    }

                    var total = 0m;
                    foreach (var record in query)
                    {
                        total += record.Amount * {{random.Next(1, 9)}};
                        if (total > {{random.Next(1000, 90000)}}m)
                        {
                            logger.LogInformation("Threshold reached for {Id}", record.Id);
                            break;
                        }
                    }

                    return query.OrderBy(r => r.Created).Skip(page * size).Take(size).ToList();
                }
            """);
        }

        text.AppendLine($$"""

                public void Upsert({{entity}}Record{{i}} record) => store[record.Id] = record with { Name = record.Name.Trim() };
            }

            public sealed record {{entity}}Record{{i}}(int Id, string Name, decimal Amount, DateTimeOffset Created);
            """);
        return text.ToString();
    }

    private string Records(int i, string area, string entity) => $$"""
        namespace Contoso.{{area}};

        public sealed record {{entity}}Summary{{i}}(int Id, string Name, IReadOnlyList<string> Tags)
        {
            public static {{entity}}Summary{{i}} Parse(string line)
            {
                var parts = line.Split(';', StringSplitOptions.TrimEntries);
                var id = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
                return new {{entity}}Summary{{i}}(id, parts[1], parts.Skip(2).ToArray());
            }

            public string Describe() => $"{Id}: {Name} ({string.Join(", ", Tags)})";
        }

        public enum {{entity}}State{{i}}
        {
            Draft,
            Submitted,
            Approved,
            Rejected,
        }

        public static class {{entity}}Rules{{i}}
        {
            public static bool CanMove({{entity}}State{{i}} from, {{entity}}State{{i}} to) => (from, to) switch
            {
                ({{entity}}State{{i}}.Draft, {{entity}}State{{i}}.Submitted) => true,
                ({{entity}}State{{i}}.Submitted, {{entity}}State{{i}}.Approved or {{entity}}State{{i}}.Rejected) => true,
                _ => false,
            };
        }
        """;

    private string Controller(int i, string area, string entity) => $$"""
        namespace Contoso.{{area}};

        [ApiController]
        [Route("api/{{entity.ToLowerInvariant()}}s{{i}}")]
        public sealed class {{entity}}Controller{{i}} : ControllerBase
        {
            private static readonly List<string> Names = new() { "alpha", "beta", "gamma" };

            [HttpGet("{id:int}")]
            public ActionResult<string> Get(int id) => id >= 0 && id < Names.Count ? Names[id] : NotFound();

            [HttpPost]
            public IActionResult Post([FromBody] string name)
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    return BadRequest("A name is required.");
                }

                Names.Add(name);
                return CreatedAtAction(nameof(Get), new { id = Names.Count - 1 }, name);
            }

            [HttpDelete("{id:int}")]
            public IActionResult Delete(int id)
            {
                if (id < 0 || id >= Names.Count)
                {
                    return NotFound();
                }

                Names.RemoveAt(id);
                return NoContent();
            }
        }
        """;

    private string Endpoints(int i, string area, string entity) => $$"""
        namespace Contoso.{{area}};

        public static class {{entity}}Endpoints{{i}}
        {
            public static IEndpointRouteBuilder Map{{entity}}{{i}}(this IEndpointRouteBuilder routes)
            {
                var group = routes.MapGroup("/{{entity.ToLowerInvariant()}}/{{i}}");
                group.MapGet("/", () => Results.Ok(new[] { 1, 2, 3 }));
                group.MapGet("/{id:int}", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound());
                group.MapPost("/", async (HttpRequest request) =>
                {
                    using var reader = new StreamReader(request.Body);
                    var body = await reader.ReadToEndAsync();
                    return Results.Created($"/{{entity.ToLowerInvariant()}}/{{i}}/{body.Length}", body.Length);
                });
                return routes;
            }
        }
        """;

    private string TypedClient(int i, string area, string entity, string host)
    {
        var protocols = Mistake() ? "SslProtocols.Tls11 | SslProtocols.Tls12" : "SslProtocols.Tls12 | SslProtocols.Tls13";
        var revocation = Mistake() ? "false" : "true";
        var scheme = Mistake() ? "http" : "https";
        var validator = Mistake()
            ? "(message, certificate, chain, errors) => true"
            : "(message, certificate, chain, errors) => errors == SslPolicyErrors.None";
        return $$"""
            namespace Contoso.{{area}};

            public sealed class {{entity}}Client{{i}} : IDisposable
            {
                private readonly HttpClient client;

                public {{entity}}Client{{i}}()
                {
                    var handler = new HttpClientHandler
                    {
                        SslProtocols = {{protocols}},
                        CheckCertificateRevocationList = {{revocation}},
                        ServerCertificateCustomValidationCallback = {{validator}},
                    };
                    client = new HttpClient(handler) { BaseAddress = new Uri("{{scheme}}://{{host}}.contoso.example/") };
                }

                public async Task<string> GetAsync(int id, CancellationToken cancellationToken)
                {
                    using var response = await client.GetAsync($"items/{id}", cancellationToken);
                    response.EnsureSuccessStatusCode();
                    return await response.Content.ReadAsStringAsync(cancellationToken);
                }

                public void Dispose() => client.Dispose();
            }
            """;
    }

    private string SecureChannel(int i, string area, string host)
    {
        var weakSuite = Mistake() ? "TlsCipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA," : string.Empty;
        var staticRsa = Mistake() ? "TlsCipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256," : string.Empty;
        return $$"""
            namespace Contoso.{{area}};

            public static class SecureChannel{{i}}
            {
                private static readonly TlsCipherSuite[] Suites =
                [
                    TlsCipherSuite.TLS_AES_128_GCM_SHA256,
                    TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                    {{weakSuite}}
                ];

                public static async Task<SslStream> ConnectAsync(Stream inner, CancellationToken cancellationToken)
                {
                    var stream = new SslStream(inner, leaveInnerStreamOpen: false);
                    var options = new SslClientAuthenticationOptions
                    {
                        TargetHost = "{{host}}.contoso.example",
                        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                        CertificateRevocationCheckMode = X509RevocationMode.Online,
                        EncryptionPolicy = EncryptionPolicy.RequireEncryption,
                    };
                    if (!OperatingSystem.IsWindows())
                    {
                        options.CipherSuitesPolicy = new CipherSuitesPolicy([..Suites, {{staticRsa}} TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384]);
                    }

                    await stream.AuthenticateAsClientAsync(options, cancellationToken);
                    return stream;
                }
            }
            """;
    }

    private string KestrelSetup(int i, string area)
    {
        var protocols = Mistake() ? "SslProtocols.Tls | SslProtocols.Tls12" : "SslProtocols.Tls12 | SslProtocols.Tls13";
        var serverHeader = Mistake() ? "true" : "false";
        return $$"""
            namespace Contoso.{{area}};

            public static class Hosting{{i}}
            {
                public static WebApplication Build(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.WebHost.ConfigureKestrel(kestrel =>
                    {
                        kestrel.AddServerHeader = {{serverHeader}};
                        kestrel.ConfigureHttpsDefaults(https =>
                        {
                            https.SslProtocols = {{protocols}};
                            https.CheckCertificateRevocation = true;
                        });
                    });
                    builder.Services.AddControllers();
                    var app = builder.Build();
                    app.UseHttpsRedirection();
                    app.MapControllers();
                    return app;
                }
            }
            """;
    }

    private string LegacyClient(int i, string area, string host)
    {
        var protocol = Mistake() ? "SecurityProtocolType.Tls11" : "SecurityProtocolType.Tls12";
        var callback = Mistake()
            ? "(sender, certificate, chain, errors) => true"
            : "(sender, certificate, chain, errors) => errors == SslPolicyErrors.None";
        return $$"""
            namespace Contoso.{{area}};

            public static class LegacyIntegration{{i}}
            {
                public static void Configure()
                {
                    ServicePointManager.SecurityProtocol = {{protocol}};
                    ServicePointManager.ServerCertificateValidationCallback = {{callback}};
                }

                public static async Task<int> PingAsync(HttpClient client)
                {
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    using var response = await client.GetAsync("https://{{host}}.contoso.example/health");
                    return response.IsSuccessStatusCode ? (int)watch.ElapsedMilliseconds : -1;
                }
            }
            """;
    }
}
