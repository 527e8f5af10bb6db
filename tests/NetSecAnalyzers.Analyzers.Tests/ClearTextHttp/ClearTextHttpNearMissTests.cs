using System.Linq;
using System.Threading.Tasks;
using NetSecAnalyzers.Analyzers.Tests.Infrastructure;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.ClearTextHttpAnalyzer,
    NetSecAnalyzers.CodeFixes.ClearTextHttpCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.ClearTextHttp;

/// <summary>URIs that look like findings but stay on the machine, use TLS, or never reach a client.</summary>
public class ClearTextHttpNearMissTests
{
    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task LoopbackHosts_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;

        class C
        {
            void M(HttpClient client)
            {
                client.GetStringAsync("http://localhost:5000/health");
                client.GetStringAsync("http://LOCALHOST/health");
                client.GetStringAsync("http://sidecar.localhost:3500/v1.0/state");
                client.GetStringAsync("http://127.0.0.1:3500/");
                client.GetStringAsync("http://127.10.20.30/");
                client.GetStringAsync("http://[::1]:8080/");
                client.BaseAddress = new Uri("http://localhost/");
                var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/metrics");
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task HttpsAndOtherSchemes_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;

        class C
        {
            void M(HttpClient client)
            {
                client.GetStringAsync("https://lab.hospital.example/results");
                client.BaseAddress = new Uri("HTTPS://lab.hospital.example/");
                client.GetStringAsync("ws://lab.hospital.example/socket");
                client.GetStringAsync("results/latest");
                client.GetStringAsync("http://");
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task UrisNeverSent_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Xml.Linq;

        class C
        {
            private const string SvgNamespace = "http://www.w3.org/2000/svg";
            private static readonly Uri SchemaId = new Uri("http://json-schema.org/draft-07/schema#");

            string M(HttpClient client)
            {
                XNamespace svg = SvgNamespace;
                var root = new XElement(svg + "svg", new XAttribute(XNamespace.Xmlns + "xlink", "http://www.w3.org/1999/xlink"));
                var unused = "http://lab.hospital.example/";
                var link = new Uri("http://lab.hospital.example/help");
                return root.ToString() + unused + link + SchemaId + client.BaseAddress;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task ValuesNotConstant_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;

        class C
        {
            void M(HttpClient client, string configured, string host, int n, Uri baseUri)
            {
                client.GetStringAsync(configured);
                client.GetStringAsync($"http://{host}/results");
                client.GetStringAsync($"http://lab{n}.hospital.example/results");
                client.GetStringAsync(new Uri(baseUri, "http://ignored.example/"));
                client.BaseAddress = new Uri(Environment.GetEnvironmentVariable("LAB_URL")!);

                var address = "http://lab.hospital.example/";
                address = "https://lab.hospital.example/";
                client.GetStringAsync(address);
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task OtherStringArguments_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;

        class C
        {
            void M(HttpClient client)
            {
                client.DefaultRequestHeaders.Add("Referer", "http://portal.hospital.example/");
                client.DefaultRequestHeaders.TryAddWithoutValidation("X-Forwarded-Host", "http://portal.hospital.example/");
                var content = new StringContent("http://portal.hospital.example/");
                client.PostAsync("https://lab.hospital.example/links", content);
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task OwnTypeProperties_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System;

        class LabOptions
        {
            public Uri? BaseAddress { get; set; }

            public string? RequestUri { get; set; }

            public void Fetch(string requestUri) { }
        }

        class C
        {
            LabOptions Defaults()
            {
                var options = new LabOptions { BaseAddress = new Uri("http://lab.hospital.example/"), RequestUri = "http://lab.hospital.example/" };
                options.Fetch("http://lab.hospital.example/");
                return options;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public async Task ClientTypesNotReferenced_NoDiagnostic()
    {
        var compilation = CoreOnlyCompilation.Create("""
            namespace System.Net.Http
            {
                public class HttpClientLookAlike
                {
                    public System.Uri? BaseAddress { get; set; }
                }
            }

            class C
            {
                System.Net.Http.HttpClientLookAlike Create() => new() { BaseAddress = new System.Uri("http://lab.hospital.example/") };
            }
            """);

        var diagnostics = await CoreOnlyCompilation.AnalyzeAsync(compilation, new ClearTextHttpAnalyzer());

        Assert.Empty(diagnostics.Where(diagnostic => diagnostic.Id.StartsWith("NETSEC", System.StringComparison.Ordinal)));
        Assert.Empty(diagnostics.Where(diagnostic => diagnostic.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }
}
