using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyLegacyTls = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.LegacyTlsProtocolAnalyzer,
    NetSecAnalyzers.CodeFixes.LegacyTlsProtocolCodeFixProvider>;
using VerifyRevocation = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.RevocationCheckDisabledAnalyzer,
    NetSecAnalyzers.CodeFixes.RevocationCheckDisabledCodeFixProvider>;
using VerifyClearTextHttp = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.ClearTextHttpAnalyzer,
    NetSecAnalyzers.CodeFixes.ClearTextHttpCodeFixProvider>;
using VerifyServerHeader = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.ServerVersionDisclosedAnalyzer,
    NetSecAnalyzers.CodeFixes.ServerVersionDisclosedCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.TestProjects;

/// <summary>
/// Test projects are skipped unless <c>netsec.include_test_projects = true</c>. A project is a test
/// project when <c>build_property.IsTestProject</c> is true or, without that property, when it
/// references a test framework.
/// </summary>
public class TestProjectScopeTests
{
    private const string MarkedAsTestProject = "is_global = true\nbuild_property.IsTestProject = true\n";

    private const string MarkedAsOtherProject = "is_global = true\nbuild_property.IsTestProject = false\n";

    private const string IncludeInEditorConfig = "root = true\n\n[*.cs]\nnetsec.include_test_projects = true\n";

    private const string IncludeInGlobalConfig = "is_global = true\nbuild_property.IsTestProject = true\nnetsec.include_test_projects = true\n";

    private const string LegacyTlsSource = """
        using System.Net.Http;
        using System.Security.Authentication;

        class LegacyServerFixture
        {
            HttpClientHandler Create() => new HttpClientHandler { SslProtocols = [|SslProtocols.Tls11|] };
        }
        """;

    private const string RevocationSource = """
        using System.Net.Http;

        class LocalServerFixture
        {
            HttpClientHandler Create() => new HttpClientHandler { CheckCertificateRevocationList = [|false|] };
        }
        """;

    private const string ServerHeaderSource = """
        using Microsoft.AspNetCore.Server.Kestrel.Core;

        class KestrelFixture
        {
            void Configure(KestrelServerOptions options) => options.AddServerHeader = [|true|];
        }
        """;

    private const string ClearTextHttpSource = """
        using System;
        using System.Net.Http;

        class StubServerFixture
        {
            HttpClient Create() => new HttpClient { BaseAddress = new Uri([|"http://stub.test.example/"|]) };
        }
        """;

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task TestProjectByProperty_NoDiagnostic()
    {
        var test = new VerifyLegacyTls.Test { TestCode = WithoutMarkup(LegacyTlsSource) };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", MarkedAsTestProject));
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task TestProjectByFrameworkReference_NoDiagnostic()
    {
        var test = new VerifyLegacyTls.Test { TestCode = WithoutMarkup(LegacyTlsSource) };
        test.TestState.AdditionalReferences.Add(XunitCore());
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task ExplicitlyNotTestProject_Reports()
    {
        var test = new VerifyLegacyTls.Test { TestCode = LegacyTlsSource };
        test.TestState.AdditionalReferences.Add(XunitCore());
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", MarkedAsOtherProject));
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task TestProjectIncludedByEditorConfig_Reports()
    {
        var test = new VerifyLegacyTls.Test { TestCode = LegacyTlsSource };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", MarkedAsTestProject));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", IncludeInEditorConfig));
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task IncludeOptionFalse_NoDiagnostic()
    {
        var test = new VerifyLegacyTls.Test { TestCode = WithoutMarkup(LegacyTlsSource) };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", MarkedAsTestProject));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", IncludeInEditorConfig.Replace("= true", "= false")));
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task RevocationInTestProject_NoDiagnostic()
    {
        var test = new VerifyRevocation.Test { TestCode = WithoutMarkup(RevocationSource) };
        test.TestState.AdditionalReferences.Add(XunitCore());
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task RevocationInIncludedTestProject_Reports()
    {
        var test = new VerifyRevocation.Test { TestCode = RevocationSource };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", IncludeInGlobalConfig));
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC036")]
    public Task ServerHeaderInTestProject_NoDiagnostic()
    {
        var test = new VerifyServerHeader.Test { TestCode = WithoutMarkup(ServerHeaderSource) };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", MarkedAsTestProject));
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC036")]
    public Task ServerHeaderInIncludedTestProject_Reports()
    {
        var test = new VerifyServerHeader.Test { TestCode = ServerHeaderSource };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", MarkedAsTestProject));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", IncludeInEditorConfig));
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task ClearTextHttpInTestProject_NoDiagnostic()
    {
        var test = new VerifyClearTextHttp.Test { TestCode = WithoutMarkup(ClearTextHttpSource) };
        test.TestState.AdditionalReferences.Add(XunitCore());
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC031")]
    public Task ClearTextHttpInIncludedTestProject_Reports()
    {
        var test = new VerifyClearTextHttp.Test { TestCode = ClearTextHttpSource };
        test.TestState.AdditionalReferences.Add(XunitCore());
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", IncludeInEditorConfig));
        return test.RunAsync();
    }

    private static string WithoutMarkup(string source) => source.Replace("[|", string.Empty).Replace("|]", string.Empty);

    private static MetadataReference XunitCore() => MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location);
}
