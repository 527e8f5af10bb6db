using System.Threading.Tasks;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.RevocationCheckDisabledAnalyzer,
    NetSecAnalyzers.CodeFixes.RevocationCheckDisabledCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.RevocationCheckDisabled;

/// <summary>Values that reach a revocation setting through constants, locals, parameters and branches.</summary>
public class RevocationCheckDisabledFlowTests
{
    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task ConstantsAndLocals_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Cryptography.X509Certificates;

        class C
        {
            private const bool CheckRevocation = {|#0:false|};
            private static readonly X509RevocationMode LedgerMode = [|X509RevocationMode.NoCheck|];

            void M(HttpClientHandler handler, X509ChainPolicy policy)
            {
                handler.CheckCertificateRevocationList = CheckRevocation;
                policy.RevocationMode = LedgerMode;

                var mode = [|X509RevocationMode.NoCheck|];
                policy.RevocationMode = mode;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("HttpClientHandler.CheckCertificateRevocationList = false turns off certificate revocation checks", "set it to true"));

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task BranchesAndCasts_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Security.Cryptography.X509Certificates;

        class C
        {
            void M(X509ChainPolicy policy, bool offline, int level)
            {
                policy.RevocationMode = offline ? [|X509RevocationMode.NoCheck|] : X509RevocationMode.Online;
                policy.RevocationMode = level switch
                {
                    0 => [|(X509RevocationMode)0|],
                    1 => X509RevocationMode.Offline,
                    _ => X509RevocationMode.Online,
                };
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task DefaultParameterValue_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;

        class C
        {
            HttpClientHandler Create(bool checkRevocation = [|false|]) =>
                new HttpClientHandler { CheckCertificateRevocationList = checkRevocation };
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task BrokenCodeWithNoCheck_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Security.Cryptography.X509Certificates;

                class C
                {
                    void M(X509ChainPolicy policy)
                    {
                        policy.RevocationMode = [|X509RevocationMode.NoCheck|]
                        Undefined();
                    }
                }
                """,
            CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None,
        };
        return test.RunAsync();
    }
}
