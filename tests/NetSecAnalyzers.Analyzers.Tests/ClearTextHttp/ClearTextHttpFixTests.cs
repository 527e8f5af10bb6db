using System.Threading.Tasks;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.ClearTextHttpAnalyzer,
    NetSecAnalyzers.CodeFixes.ClearTextHttpCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.ClearTextHttp;

/// <summary>
/// The code fix. The testing library also applies Fix All in the document, the project and the solution
/// to every test, so the tests with several diagnostics check batch fixing too.
/// </summary>
public class ClearTextHttpFixTests
{
    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task LiteralKinds_Fix() => Verify.VerifyCodeFixAsync(""""
        using System;
        using System.Net.Http;

        class C
        {
            void M(HttpClient client)
            {
                client.BaseAddress = new Uri([|"http://lab.hospital.example/"|]);
                client.GetStringAsync(/* results */ [|@"HTTP://lab.hospital.example:8080/results"|]);
                client.GetStringAsync([|"""http://lab.hospital.example/"results" """|]);
                client.GetStringAsync([|"""
                    http://lab.hospital.example/scans
                    """|]);
            }
        }
        """", """"
        using System;
        using System.Net.Http;

        class C
        {
            void M(HttpClient client)
            {
                client.BaseAddress = new Uri("https://lab.hospital.example/");
                client.GetStringAsync(/* results */ @"https://lab.hospital.example:8080/results");
                client.GetStringAsync("""https://lab.hospital.example/"results" """);
                client.GetStringAsync("""
                    https://lab.hospital.example/scans
                    """);
            }
        }
        """");

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task InterpolatedString_Fix() => Verify.VerifyCodeFixAsync("""
        using System.Net.Http;

        class C
        {
            void M(HttpClient client, int id)
            {
                client.GetStringAsync([|$"http://lab.hospital.example/results/{id}?format={"json"}"|]);
                client.GetStringAsync([|$@"http://lab.hospital.example/scans/{id}"|]);
            }
        }
        """, """
        using System.Net.Http;

        class C
        {
            void M(HttpClient client, int id)
            {
                client.GetStringAsync($"https://lab.hospital.example/results/{id}?format={"json"}");
                client.GetStringAsync($@"https://lab.hospital.example/scans/{id}");
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task ConstantDeclaration_Fix() => Verify.VerifyCodeFixAsync("""
        using System;
        using System.Net.Http;

        class C
        {
            private const string LabBase = [|"http://lab.hospital.example/"|];
            private static readonly Uri Billing = new Uri([|"http://billing.hospital.example/"|]);

            void M(HttpClient client)
            {
                client.BaseAddress = new Uri(LabBase);
                client.GetStringAsync(Billing);
                client.GetStringAsync(LabBase + "results");
            }
        }
        """, """
        using System;
        using System.Net.Http;

        class C
        {
            private const string LabBase = "https://lab.hospital.example/";
            private static readonly Uri Billing = new Uri("https://billing.hospital.example/");

            void M(HttpClient client)
            {
                client.BaseAddress = new Uri(LabBase);
                client.GetStringAsync(Billing);
                client.GetStringAsync(LabBase + "results");
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task FixAllAcrossDocuments_Fix()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add("""
            using System;
            using System.Net.Http;

            class First
            {
                HttpClient Create() => new HttpClient { BaseAddress = new Uri([|"http://lab.hospital.example/"|]) };
            }
            """);
        test.TestState.Sources.Add("""
            using System.Net.Http;

            class Second
            {
                void M(HttpClient client, int id)
                {
                    client.GetStringAsync([|"http://records.hospital.example/"|]);
                    client.DeleteAsync([|$"http://records.hospital.example/{id}"|]);
                }
            }
            """);
        test.FixedState.Sources.Add("""
            using System;
            using System.Net.Http;

            class First
            {
                HttpClient Create() => new HttpClient { BaseAddress = new Uri("https://lab.hospital.example/") };
            }
            """);
        test.FixedState.Sources.Add("""
            using System.Net.Http;

            class Second
            {
                void M(HttpClient client, int id)
                {
                    client.GetStringAsync("https://records.hospital.example/");
                    client.DeleteAsync($"https://records.hospital.example/{id}");
                }
            }
            """);

        // Fix All in a document needs one pass per document; in the project or solution one pass fixes both.
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 2;
        test.NumberOfFixAllInProjectIterations = 1;
        return test.RunAsync();
    }
}
