using System.IO;
using System.Threading.Tasks;
using NetSecAnalyzers.Cli;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Cli;

/// <summary>
/// The <c>.editorconfig</c> keys <c>netsec lint</c> reads for each file, the same ones the analyzer package
/// reads, and their precedence below <c>.netsec.ini</c> and command-line options.
/// </summary>
public sealed partial class NetsecCommandTests
{
    private const string LegacyProtocolServer = "http {\n  server {\n    listen 443 ssl;\n    ssl_protocols TLSv1 TLSv1.2;\n  }\n}\n";

    [Fact]
    public async Task EditorConfigNginxVersion_SilencesDefaultProtocols()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".editorconfig", "root = true\n\n[*.conf]\nnetsec.nginx_version = 1.28.0\n");
        folder.Write("nginx.conf", TlsServerWithDefaultProtocols);

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--fail-level", "error");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain("NETSEC001", run.Output);
    }

    [Fact]
    public async Task EditorConfigSectionNotMatching_IsIgnored()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".editorconfig", "root = true\n\n[*.cs]\nnetsec.nginx_version = 1.28.0\n");
        folder.Write("nginx.conf", TlsServerWithDefaultProtocols);

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--fail-level", "error");

        Assert.Equal(ExitCodes.FindingsReported, run.ExitCode);
        Assert.Contains("nginx.conf:2:3: error NETSEC001:", run.Output);
    }

    [Fact]
    public async Task EditorConfigPerFolder_AppliesPerFile()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".editorconfig", "root = true\n\n[new/**]\nnetsec.nginx_version = 1.28.0\n");
        folder.Write(Path.Combine("new", "nginx.conf"), TlsServerWithDefaultProtocols);
        folder.Write(Path.Combine("old", "nginx.conf"), TlsServerWithDefaultProtocols);

        var run = await Run(folder, realFormats: true, "lint", ".", "--fail-level", "error");

        Assert.Contains("old/nginx.conf:2:3: error NETSEC001:", run.Output);
        Assert.DoesNotContain("new/nginx.conf:2:3: error NETSEC001", run.Output);
    }

    [Fact]
    public async Task EditorConfigBelowRoot_IsNotRead()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".editorconfig", "[*]\nnetsec.nginx_version = 1.28.0\n");
        folder.Write(Path.Combine("site", ".editorconfig"), "root = true\n");
        folder.Write(Path.Combine("site", "nginx.conf"), TlsServerWithDefaultProtocols);

        var run = await Run(folder, realFormats: true, "lint", "site", "--fail-level", "error");

        Assert.Equal(ExitCodes.FindingsReported, run.ExitCode);
    }

    [Fact]
    public async Task NearerEditorConfig_Wins()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".editorconfig", "root = true\n\n[*]\nnetsec.nginx_version = 1.28.0\n");
        folder.Write(Path.Combine("site", ".editorconfig"), "[*.conf]\nnetsec.nginx_version = 1.24.0\n");
        folder.Write(Path.Combine("site", "nginx.conf"), TlsServerWithDefaultProtocols);

        var run = await Run(folder, realFormats: true, "lint", "site", "--fail-level", "error");

        Assert.Equal(ExitCodes.FindingsReported, run.ExitCode);
    }

    [Fact]
    public async Task NetsecIni_OverridesEditorConfig()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".editorconfig", "root = true\n\n[*]\nnetsec.nginx_version = 1.28.0\n");
        folder.Write(".netsec.ini", "netsec.nginx_version = 1.24.0\n");
        folder.Write("nginx.conf", TlsServerWithDefaultProtocols);

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--fail-level", "error");

        Assert.Equal(ExitCodes.FindingsReported, run.ExitCode);
    }

    [Fact]
    public async Task CommandLineOption_OverridesEditorConfig()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".editorconfig", "root = true\n\n[*]\nnetsec.nginx_version = 1.24.0\n");
        folder.Write("nginx.conf", TlsServerWithDefaultProtocols);

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--nginx-version", "1.28.0", "--fail-level", "error");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public async Task EditorConfigInvalidValue_IsErrorAtItsLine()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".editorconfig", "root = true\n\n[*.conf]\nnetsec.hsts_min_max_age = one year\n");
        folder.Write("nginx.conf", TlsServerWithDefaultProtocols);

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains(".editorconfig:4:27: error config-invalid-value: Invalid netsec.hsts_min_max_age 'one year'", run.Output);
    }

    [Fact]
    public async Task EditorConfigSeverityWarning_LowersFinding()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".editorconfig", "root = true\n\n[*.conf]\ndotnet_diagnostic.NETSEC001.severity = warning\n");
        folder.Write("nginx.conf", LegacyProtocolServer);

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--fail-level", "error");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("nginx.conf:4:19: warning NETSEC001:", run.Output);
    }

    [Fact]
    public async Task EditorConfigSeverityNone_DropsFinding()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".editorconfig", "root = true\n\n[*.conf]\ndotnet_diagnostic.NETSEC001.severity = none\n");
        folder.Write("nginx.conf", LegacyProtocolServer);

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--fail-level", "error");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain("NETSEC001", run.Output);
    }

    [Fact]
    public async Task EditorConfigSeverityError_RaisesFinding()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".editorconfig", "root = true\n\n[*.{conf,nginx}]\ndotnet_diagnostic.NETSEC036.severity = error\n");
        folder.Write("nginx.conf", "http {\n  server {\n    listen 80;\n    return 301 https://$host$request_uri;\n  }\n}\n");

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--fail-level", "error");

        Assert.Equal(ExitCodes.FindingsReported, run.ExitCode);
        Assert.Contains("error NETSEC036:", run.Output);
    }

    [Fact]
    public async Task GlobalConfigSeverityNone_DropsFinding()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.NETSEC001.severity = none\n");
        folder.Write(Path.Combine("deploy", "nginx.conf"), LegacyProtocolServer);

        var run = await Run(folder, realFormats: true, "lint", "deploy", "--fail-level", "error");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain("NETSEC001", run.Output);
    }

    [Fact]
    public async Task EditorConfigSection_OverridesGlobalConfig()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.NETSEC001.severity = none\n");
        folder.Write(".editorconfig", "root = true\n\n[*.conf]\ndotnet_diagnostic.NETSEC001.severity = warning\n");
        folder.Write("nginx.conf", LegacyProtocolServer);

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--fail-level", "error");

        Assert.Contains("nginx.conf:4:19: warning NETSEC001:", run.Output);
    }
}
