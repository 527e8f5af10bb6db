using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using NetSecAnalyzers.Analyzers.Tests.Infrastructure;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigFiles;

namespace NetSecAnalyzers.Analyzers.Tests.ConfigFiles;

/// <summary>
/// The config linter hosted in the compiler: nginx files passed as AdditionalFiles are reported with the
/// catalogue's rule IDs at their place in the file, with the severity and settings of the analyzer config.
/// </summary>
public sealed class ConfigFileAnalyzerTests
{
    private const string MainPath = "/deploy/nginx/nginx.conf";
    private const string SitePath = "/deploy/nginx/conf.d/site.conf";

    private const string MainFile = """
        events {}
        http {
          {|#1:include|} conf.d/*.conf;
        }
        """;

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public async Task LegacyProtocolInIncludedFile_Reports()
    {
        var test = CreateTest();
        test.TestState.AdditionalFiles.Add((MainPath, MainFile));
        test.TestState.AdditionalFiles.Add((SitePath, """
            server {
              listen 443 ssl;
              server_tokens off;
              ssl_protocols {|#0:TLSv1|} TLSv1.2;
            }
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("NETSEC001", DiagnosticSeverity.Error).WithLocation(0).WithLocation(1));

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public async Task ModernProtocols_NoDiagnostic()
    {
        var test = CreateTest();
        test.TestState.AdditionalFiles.Add((SitePath, """
            server {
              listen 443 ssl;
              server_tokens off;
              ssl_protocols TLSv1.2 TLSv1.3;
            }
            """));

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public async Task InlineSuppression_NoDiagnostic()
    {
        var test = CreateTest();
        test.TestState.AdditionalFiles.Add((SitePath, """
            server {
              listen 443 ssl;
              server_tokens off;
              # netsec-disable-next-line NETSEC001: a payment terminal still needs TLS 1.0
              ssl_protocols TLSv1 TLSv1.2;
            }
            """));

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public async Task GlobalConfigWarning_Reports()
    {
        var test = CreateTest();
        test.TestState.AdditionalFiles.Add((SitePath, """
            server {
              listen 443 ssl;
              server_tokens off;
              ssl_protocols {|#0:TLSv1|} TLSv1.2;
            }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            dotnet_diagnostic.NETSEC001.severity = warning
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("NETSEC001", DiagnosticSeverity.Warning).WithLocation(0));

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public async Task EditorConfigSectionWarning_Reports()
    {
        // Documents a compiler limit: per-file severities reach C# files only, so config files keep theirs.
        var test = CreateTest();
        test.TestState.AdditionalFiles.Add((SitePath, """
            server {
              listen 443 ssl;
              server_tokens off;
              ssl_protocols {|#0:TLSv1|} TLSv1.2;
            }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.conf]
            dotnet_diagnostic.NETSEC001.severity = warning
            """));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("NETSEC001", DiagnosticSeverity.Error).WithLocation(0));

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public async Task GlobalConfigSeverityNone_NoDiagnostic()
    {
        var test = CreateTest();
        test.TestState.AdditionalFiles.Add((SitePath, """
            server {
              listen 443 ssl;
              server_tokens off;
              ssl_protocols TLSv1 TLSv1.2;
            }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            dotnet_diagnostic.NETSEC001.severity = none
            """));

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public async Task EditorConfigOldNginxVersion_Reports()
    {
        // nginx 1.23.4 and later leave TLSv1 and TLSv1.1 out of the default, so a server without
        // ssl_protocols is reported only when an older version is configured.
        var test = CreateTest();
        test.TestState.AdditionalFiles.Add((SitePath, """
            {|NETSEC001:server|} {
              listen 443 ssl;
              server_tokens off;
            }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.conf]
            netsec.nginx_version = 1.22.1
            """));

        await test.RunAsync(CancellationToken.None);
    }

    private static Test CreateTest() => new() { TestCode = "class Program { }" };

    private static string OnlyNetsec001()
    {
        // A lower global_level lets the tests' own .editorconfig and .globalconfig settings win.
        var lines = new List<string> { "is_global = true", "global_level = -1" };
        lines.AddRange(RuleCatalog.All
            .Where(rule => rule.Id != RuleIds.LegacyTlsProtocol)
            .Select(rule => "dotnet_diagnostic." + rule.Id + ".severity = none"));
        return string.Join("\n", lines);
    }

    /// <summary>Runs only the config-file analyzer, with every rule but NETSEC001 turned off.</summary>
    private sealed class Test : CSharpAnalyzerTest<ConfigFileAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = SdkReferenceAssemblies.NoPackages;
            TestState.AdditionalReferences.AddRange(SdkReferenceAssemblies.MetadataReferences);
            TestState.AnalyzerConfigFiles.Add(("/netsec-test.globalconfig", OnlyNetsec001()));
        }
    }
}
