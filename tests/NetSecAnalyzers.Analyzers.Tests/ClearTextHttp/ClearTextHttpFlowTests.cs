using System.Threading.Tasks;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.ClearTextHttpAnalyzer,
    NetSecAnalyzers.CodeFixes.ClearTextHttpCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.ClearTextHttp;

/// <summary>URIs that reach a client through constants, locals, fields, <c>Uri</c> objects and interpolation.</summary>
public class ClearTextHttpFlowTests
{
    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task ConstantsFieldsAndLocals_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;

        class C
        {
            private const string LabBase = {|#0:"http://lab.hospital.example/"|};
            private static readonly Uri Billing = new Uri([|"http://billing.hospital.example/"|]);

            void M(HttpClient client)
            {
                client.BaseAddress = new Uri(LabBase);
                client.GetStringAsync(Billing);

                var pharmacy = new Uri([|"http://pharmacy.hospital.example/stock"|]);
                client.GetAsync(pharmacy);

                string records = [|"http://records.hospital.example/"|];
                client.GetStringAsync(records);
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("HttpClient.BaseAddress", "lab.hospital.example", "use https://"));

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task RelativeToHttpBase_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;

        class C
        {
            void M(HttpClient client, string path)
            {
                var root = new Uri([|"http://lab.hospital.example/"|]);
                client.GetAsync(new Uri(root, "results"));
                client.GetAsync(new Uri(new Uri([|"http://lab.hospital.example/"|]), path));
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task InterpolationAndConcatenation_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;

        class C
        {
            private const string LabBase = [|"http://lab.hospital.example"|];
            private const string RecordsHost = "records.hospital.example";

            void M(HttpClient client, int id, string path)
            {
                client.GetStringAsync({|#0:$"http://lab.hospital.example/results/{id}"|});
                client.GetStringAsync($"{LabBase}/results/{id}");
                client.GetStringAsync([|"http://lab.hospital.example/"|] + path);
                client.GetStringAsync([|$"http://records.hospital.example/{"index"}"|]);
                client.GetStringAsync([|"http://" + RecordsHost + "/"|]);
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("HttpClient.GetStringAsync", "lab.hospital.example", "use https://"));

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task BranchesAndDefaults_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;

        class C
        {
            HttpClient Create(string address = [|"http://lab.hospital.example/"|]) =>
                new HttpClient { BaseAddress = new Uri(address) };

            void M(HttpClient client, bool staging, string? configured)
            {
                client.GetStringAsync(staging ? [|"http://staging.hospital.example/"|] : "https://lab.hospital.example/");
                client.GetStringAsync(configured ?? [|"http://lab.hospital.example/"|]);
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task OneUriSeveralClients_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;

        class C
        {
            void M(HttpClient first, HttpClient second)
            {
                var lab = new Uri({|#0:"http://lab.hospital.example/"|});
                second.GetStringAsync(lab);
                first.BaseAddress = lab;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("HttpClient.GetStringAsync", "lab.hospital.example", "use https://"));
}
