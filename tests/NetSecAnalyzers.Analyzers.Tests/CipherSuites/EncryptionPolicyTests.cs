using System.Threading.Tasks;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.EncryptionPolicyAnalyzer,
    NetSecAnalyzers.CodeFixes.EncryptionPolicyCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.CipherSuites;

/// <summary><c>EncryptionPolicy</c> values that let a TLS connection run without encryption.</summary>
public class EncryptionPolicyTests
{
    [Fact]
    [Trait("Rule", "NETSEC010")]
    public Task NoEncryptionReachingSettings_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Net.Security;

        class C
        {
            private const EncryptionPolicy Plain = {|#1:EncryptionPolicy.AllowNoEncryption|};

            void M(Stream inner, SslClientAuthenticationOptions client)
            {
                var stream = new SslStream(inner, false, null, null, {|#0:EncryptionPolicy.NoEncryption|});
                client.EncryptionPolicy = Plain;
                var server = new SslServerAuthenticationOptions { EncryptionPolicy = [|EncryptionPolicy.AllowNoEncryption|] };
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "new SslStream(encryptionPolicy: EncryptionPolicy.NoEncryption)",
            "only connections without encryption (NULL cipher suites)"),
        Verify.Diagnostic().WithLocation(1).WithArguments(
            "SslClientAuthenticationOptions.EncryptionPolicy = EncryptionPolicy.AllowNoEncryption",
            "connections without encryption (NULL cipher suites)"));

    [Fact]
    [Trait("Rule", "NETSEC010")]
    public Task RequiredOrCompared_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Net.Security;

        class C
        {
            bool IsPlain(SslClientAuthenticationOptions client) => client.EncryptionPolicy == EncryptionPolicy.NoEncryption;

            void M(Stream inner, SslServerAuthenticationOptions server)
            {
                var stream = new SslStream(inner, false, null, null, EncryptionPolicy.RequireEncryption);
                server.EncryptionPolicy = EncryptionPolicy.RequireEncryption;
                var remembered = EncryptionPolicy.AllowNoEncryption;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC010")]
    public Task RequireEncryption_Fix() => Verify.VerifyCodeFixAsync("""
        using System.IO;
        using System.Net.Security;

        class C
        {
            void M(Stream inner, SslClientAuthenticationOptions client, bool legacy)
            {
                var stream = new SslStream(inner, false, null, null, [|EncryptionPolicy.NoEncryption|]);
                client.EncryptionPolicy = legacy ? [|System.Net.Security.EncryptionPolicy.AllowNoEncryption|] : EncryptionPolicy.RequireEncryption;
                client.EncryptionPolicy = [|(EncryptionPolicy)2|];
            }
        }
        """, """
        using System.IO;
        using System.Net.Security;

        class C
        {
            void M(Stream inner, SslClientAuthenticationOptions client, bool legacy)
            {
                var stream = new SslStream(inner, false, null, null, EncryptionPolicy.RequireEncryption);
                client.EncryptionPolicy = legacy ? System.Net.Security.EncryptionPolicy.RequireEncryption : EncryptionPolicy.RequireEncryption;
                client.EncryptionPolicy = EncryptionPolicy.RequireEncryption;
            }
        }
        """);
}
