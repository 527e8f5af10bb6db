using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetSecAnalyzers.Analyzers.Tests.Infrastructure;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.ClearTextHttpAnalyzer,
    NetSecAnalyzers.CodeFixes.ClearTextHttpCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.ClearTextHttp;

/// <summary>Every kind of client address that an <c>http://</c> URI to a remote host can reach.</summary>
public class ClearTextHttpSinkTests
{
    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task HttpClientRequestMethods_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            async Task M(HttpClient client, HttpContent content)
            {
                await client.GetStringAsync({|#0:"http://lab.hospital.example/results"|});
                await client.GetAsync(new Uri({|#1:"http://lab.hospital.example:8080/results"|}));
                await client.GetByteArrayAsync([|"http://lab.hospital.example/scan.png"|]);
                await client.GetStreamAsync([|"http://lab.hospital.example/scan.png"|]);
                await client.PostAsync([|"http://lab.hospital.example/orders"|], content);
                await client.PutAsync([|"http://lab.hospital.example/orders/1"|], content);
                await client.PatchAsync([|"http://lab.hospital.example/orders/1"|], content);
                await client.DeleteAsync(requestUri: [|"http://lab.hospital.example/orders/1"|]);
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("HttpClient.GetStringAsync", "lab.hospital.example", "use https://"),
        Verify.Diagnostic().WithLocation(1).WithArguments("HttpClient.GetAsync", "lab.hospital.example:8080", "use https://"));

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task HttpClientMessage_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;

        class C
        {
            void M(HttpClient client, HttpRequestMessage existing)
            {
                client.BaseAddress = new Uri({|#0:"http://lab.hospital.example/"|});
                var request = new HttpRequestMessage(HttpMethod.Get, {|#1:"http://lab.hospital.example/results"|});
                existing.RequestUri = new Uri({|#2:"HTTP://10.0.2.15/results"|});
                client.Send(new HttpRequestMessage { RequestUri = new Uri([|"http://[2001:db8::1]:5000/"|]) });
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("HttpClient.BaseAddress", "lab.hospital.example", "use https://"),
        Verify.Diagnostic().WithLocation(1).WithArguments("HttpRequestMessage", "lab.hospital.example", "use https://"),
        Verify.Diagnostic().WithLocation(2).WithArguments("HttpRequestMessage.RequestUri", "10.0.2.15", "use https://"));

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task MessageText_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;

        class C
        {
            object M(HttpClient client) => client.GetStringAsync({|#0:"http://user:secret@lab.hospital.example/results"|});
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage(
            "HttpClient.GetStringAsync sends requests to lab.hospital.example over plain HTTP; use https://"));

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task JsonExtensions_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        record Order(int Id);

        class C
        {
            async Task M(HttpClient client)
            {
                await client.GetFromJsonAsync<Order>({|#0:"http://orders.example.com/1"|});
                await client.PostAsJsonAsync({|#1:"http://orders.example.com/"|}, new Order(1));
                await HttpClientJsonExtensions.PutAsJsonAsync(client, [|"http://orders.example.com/1"|], new Order(1));
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("HttpClient.GetFromJsonAsync", "orders.example.com", "use https://"),
        Verify.Diagnostic().WithLocation(1).WithArguments("HttpClient.PostAsJsonAsync", "orders.example.com", "use https://"));

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task WebRequestAndWebClient_Reports() => Verify.VerifyAnalyzerAsync("""
        #pragma warning disable SYSLIB0014
        using System;
        using System.Net;

        class C
        {
            void M(WebClient web)
            {
                var request = WebRequest.Create({|#0:"http://legacy.example.com/feed"|});
                var http = WebRequest.CreateHttp(new Uri([|"http://legacy.example.com/feed"|]));
                web.BaseAddress = {|#1:"http://legacy.example.com/"|};
                web.DownloadString({|#2:"http://legacy.example.com/feed"|});
                web.UploadString(new Uri([|"http://legacy.example.com/feed"|]), "body");
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("WebRequest.Create", "legacy.example.com", "use https://"),
        Verify.Diagnostic().WithLocation(1).WithArguments("WebClient.BaseAddress", "legacy.example.com", "use https://"),
        Verify.Diagnostic().WithLocation(2).WithArguments("WebClient.DownloadString", "legacy.example.com", "use https://"));

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task TypedClientConfiguration_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;
        using Microsoft.Extensions.DependencyInjection;

        class LabClient
        {
            public LabClient(HttpClient client) { }
        }

        class C
        {
            void M(IServiceCollection services)
            {
                services.AddHttpClient<LabClient>(client => client.BaseAddress = new Uri({|#0:"http://lab.hospital.example/"|}));
                services.AddHttpClient("billing", client =>
                {
                    client.Timeout = TimeSpan.FromSeconds(10);
                    client.BaseAddress = new Uri([|"http://billing.hospital.example/"|]);
                });
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("HttpClient.BaseAddress", "lab.hospital.example", "use https://"));

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task GrpcChannelWhenReferenced_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;

        namespace Grpc.Net.Client
        {
            public sealed class GrpcChannel
            {
                public static GrpcChannel ForAddress(string address) => new GrpcChannel();

                public static GrpcChannel ForAddress(Uri address) => new GrpcChannel();
            }
        }

        namespace Orders
        {
            using Grpc.Net.Client;

            class C
            {
                GrpcChannel First() => GrpcChannel.ForAddress({|#0:"http://orders.internal:5000"|});

                GrpcChannel Second() => GrpcChannel.ForAddress(new Uri([|"http://orders.internal:5000"|]));
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("GrpcChannel.ForAddress", "orders.internal:5000", "use https://"));

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task DerivedClientAndOtherLibraryExtension_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net.Http;
                using Lab.Client;

                class LabHttpClient : HttpClient
                {
                }

                class C
                {
                    void M(LabHttpClient client)
                    {
                        client.GetStringAsync([|"http://lab.hospital.example/results"|]);
                        client.GetResultsAsync({|#0:"http://lab.hospital.example/results"|});
                    }
                }
                """,
        };
        test.TestState.AdditionalProjects["LabClient"].Sources.Add("""
            namespace Lab.Client
            {
                public static class LabExtensions
                {
                    public static object GetResultsAsync(this System.Net.Http.HttpClient client, string requestUri) => requestUri;
                }
            }
            """);
        test.TestState.AdditionalProjects["LabClient"].AdditionalReferences.AddRange(SdkReferenceAssemblies.MetadataReferences);
        test.TestState.AdditionalProjectReferences.Add("LabClient");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("HttpClient.GetResultsAsync", "lab.hospital.example", "use https://"));
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task BrokenCodeWithHttpUri_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net.Http;

                class C
                {
                    void M(HttpClient client)
                    {
                        client.GetStringAsync([|"http://lab.hospital.example/results"|])
                        Undefined(new System.Uri());
                    }
                }
                """,
            CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None,
        };
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task TopLevelProgram_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using System.Net.Http;

                var labClient = new HttpClient { BaseAddress = new Uri([|"http://lab.hospital.example/"|]) };
                Console.WriteLine(labClient.BaseAddress);
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }
}
