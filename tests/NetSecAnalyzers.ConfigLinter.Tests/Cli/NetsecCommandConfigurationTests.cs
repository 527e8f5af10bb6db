using System.IO;
using System.Threading.Tasks;
using NetSecAnalyzers.Cli;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Tests.Cli;

/// <summary>The settings options of <c>netsec lint</c> and the <c>.netsec.ini</c> file that can set them instead.</summary>
public sealed partial class NetsecCommandTests
{
    /// <summary>A TLS server without ssl_protocols: reported under nginx 1.24.0's defaults, not under 1.28.0's.</summary>
    private const string TlsServerWithDefaultProtocols = "http {\n  server { listen 443 ssl; }\n}\n";

    private const string WeakHstsServer = "http {\n  server {\n    listen 443 ssl;\n    ssl_protocols TLSv1.2 TLSv1.3;\n    add_header Strict-Transport-Security \"max-age=31536000; includeSubDomains\" always;\n  }\n}\n";

    private const string SessionEndpoint = "http {\n  server {\n    listen 80;\n    location /session { proxy_pass http://127.0.0.1:8000; }\n  }\n}\n";

    private const string OpenPorts = "#!/bin/sh\nufw allow 8080/tcp\nufw allow 5432/tcp\n";

    [Fact]
    public async Task ConfigFileNginxVersion_SilencesDefaultProtocols()
    {
        using var folder = new TemporaryFolder();
        folder.Write("nginx.conf", TlsServerWithDefaultProtocols);

        var withoutFile = await Run(folder, realFormats: true, "lint", "nginx.conf", "--fail-level", "error");
        folder.Write(".netsec.ini", "netsec.nginx_version = 1.28.0\n");
        var withFile = await Run(folder, realFormats: true, "lint", "nginx.conf", "--fail-level", "error");

        Assert.Equal(ExitCodes.FindingsReported, withoutFile.ExitCode);
        Assert.Contains("nginx.conf:2:3: error NETSEC001:", withoutFile.Output);
        Assert.Equal(ExitCodes.Success, withFile.ExitCode);
        Assert.DoesNotContain("NETSEC001", withFile.Output);
    }

    [Fact]
    public async Task ConfigFileInParentFolder_IsRead()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".netsec.ini", "netsec.nginx_version = 1.28.0\n");
        folder.Write(Path.Combine("site", "nginx.conf"), TlsServerWithDefaultProtocols);

        var run = await RunIn(folder.Combine("site"), ConfigurationFormats.All, new[] { "lint", "nginx.conf", "--fail-level", "error" });

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain("NETSEC001", run.Output);
    }

    [Fact]
    public async Task ConfigOption_ReadsGivenFile()
    {
        using var folder = new TemporaryFolder();
        folder.Write(Path.Combine("settings", "netsec.ini"), "netsec.nginx_version = 1.28.0\n");
        folder.Write("nginx.conf", TlsServerWithDefaultProtocols);

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--config", Path.Combine("settings", "netsec.ini"), "--fail-level", "error");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain("NETSEC001", run.Output);
    }

    [Fact]
    public async Task ConfigOption_OverridesDiscoveredFile()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".netsec.ini", "netsec.nginx_version = 1.28.0\n");
        folder.Write("other.ini", "netsec.nginx_version = 1.24.0\n");
        folder.Write("nginx.conf", TlsServerWithDefaultProtocols);

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--config", "other.ini", "--fail-level", "error");

        Assert.Equal(ExitCodes.FindingsReported, run.ExitCode);
    }

    [Fact]
    public async Task MissingConfigFile_IsUsageError()
    {
        using var folder = new TemporaryFolder();
        folder.Write("nginx.conf", TlsServerWithDefaultProtocols);

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--config", "absent.ini");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("netsec: error: Configuration file 'absent.ini' not found.", run.Error.Trim());
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task ConfigFolder_IsUsageError()
    {
        using var folder = new TemporaryFolder();
        folder.Write("nginx.conf", TlsServerWithDefaultProtocols);
        Directory.CreateDirectory(folder.Combine("settings"));

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--config", "settings");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("netsec: error: Configuration file 'settings' is a folder. Give the path of a file, such as '" + Path.Combine("settings", ".netsec.ini") + "'.", run.Error.Trim());
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task CommandLineOption_BeatsConfigFile()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".netsec.ini", "netsec.nginx_version = 1.28.0\n");
        folder.Write("nginx.conf", TlsServerWithDefaultProtocols);

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--nginx-version", "1.24.0", "--fail-level", "error");

        Assert.Equal(ExitCodes.FindingsReported, run.ExitCode);
        Assert.Contains("nginx.conf:2:3: error NETSEC001:", run.Output);
    }

    [Fact]
    public async Task CommentsSectionsAndKeyCase_AreAccepted()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".netsec.ini", "# shared with .editorconfig\n[*]\n; nginx on the web hosts\n  NETSEC.Nginx_Version = 1.28.0  \n[*.conf]\n");
        folder.Write("nginx.conf", TlsServerWithDefaultProtocols);

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--fail-level", "error");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain("NETSEC001", run.Output);
        Assert.DoesNotContain("config-", run.Output);
    }

    [Fact]
    public async Task UnknownConfigKey_WarnsWithPosition()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".netsec.ini", "[*]\n  netsec.colour = blue\n");
        folder.Write("nginx.conf", "http {\n}\n");

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--fail-level", "error");

        Assert.Equal(".netsec.ini:2:3: warning config-unknown-key: Unknown key 'netsec.colour'; it is ignored.", Lines(run.Output)[0]);
    }

    [Fact]
    public async Task InvalidConfigValue_ExitsTwoAndLintsWithDefault()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".netsec.ini", "# one year\nnetsec.hsts_min_max_age = abc\nnetsec.nginx_version=1.x\n");
        folder.Write("nginx.conf", TlsServerWithDefaultProtocols);

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--fail-level", "error");
        var lines = Lines(run.Output);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("nginx.conf:2:3: error NETSEC001:", run.Output);
        Assert.Contains(".netsec.ini:2:27: error config-invalid-value: Invalid netsec.hsts_min_max_age 'abc': expected a whole number of seconds such as 31536000.", lines);
        Assert.Contains(".netsec.ini:3:22: error config-invalid-value: Invalid netsec.nginx_version '1.x': expected three numbers such as 1.24.0.", lines);
    }

    [Fact]
    public async Task ConfigFileOutsideWorkingFolder_IsNamedInFull()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".netsec.ini", "netsec.auth_paths = login,,token\n");
        folder.Write(Path.Combine("site", "nginx.conf"), "http {\n}\n");

        var run = await RunIn(folder.Combine("site"), ConfigurationFormats.All, new[] { "lint", "nginx.conf", "--fail-level", "error" });

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.StartsWith(folder.Combine(".netsec.ini") + ":1:21: error config-invalid-value: Invalid netsec.auth_paths 'login,,token':", run.Output);
    }

    [Fact]
    public async Task HstsMinimumMaxAgeOption_RaisesTheMinimum()
    {
        using var folder = new TemporaryFolder();
        folder.Write("nginx.conf", WeakHstsServer);

        var byDefault = await Run(folder, realFormats: true, "lint", "nginx.conf", "--fail-level", "error");
        var raised = await Run(folder, realFormats: true, "lint", "nginx.conf", "--hsts-min-max-age", "63072000");

        Assert.DoesNotContain("NETSEC033", byDefault.Output);
        Assert.Contains("NETSEC033", raised.Output);
        Assert.Contains("raise max-age to at least 63072000 seconds", raised.Output);
    }

    [Fact]
    public async Task JobsOption_KeepsTheReport()
    {
        using var folder = new TemporaryFolder();
        folder.Write("a/nginx.conf", WeakHstsServer);
        folder.Write("b/nginx.conf", WeakHstsServer);
        folder.Write("c/nginx.conf", WeakHstsServer);

        var oneThread = await Run(folder, realFormats: true, "lint", ".", "--jobs", "1", "--format", "json");
        var threeThreads = await Run(folder, realFormats: true, "lint", ".", "-j", "3", "--format", "json");

        Assert.Equal(oneThread.ExitCode, threeThreads.ExitCode);
        Assert.Contains("NETSEC", oneThread.Output);
        Assert.Equal(oneThread.Output, threeThreads.Output);
    }

    [Fact]
    public async Task HstsMinimumMaxAgeKey_RaisesTheMinimum()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".netsec.ini", "netsec.hsts_min_max_age = 63072000\n");
        folder.Write("nginx.conf", WeakHstsServer);

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--fail-level", "error");

        Assert.Contains("raise max-age to at least 63072000 seconds", run.Output);
    }

    [Fact]
    public async Task AuthPathsOption_ReplacesTheDefaults()
    {
        using var folder = new TemporaryFolder();
        folder.Write("nginx.conf", SessionEndpoint);

        var byDefault = await Run(folder, realFormats: true, "lint", "nginx.conf", "--fail-level", "error");
        var configured = await Run(folder, realFormats: true, "lint", "nginx.conf", "--auth-paths", "session, api/keys");

        Assert.DoesNotContain("NETSEC070", byDefault.Output);
        Assert.Contains("nginx.conf:4:5: warning NETSEC070:", configured.Output);
    }

    [Fact]
    public async Task AuthPathsOption_TakesOneWord()
    {
        using var folder = new TemporaryFolder();
        folder.Write("nginx.conf", SessionEndpoint);
        folder.Write(Path.Combine("other", "nginx.conf"), SessionEndpoint);

        var run = await Run(folder, realFormats: true, "lint", "--auth-paths", "session", "nginx.conf");

        Assert.Contains("nginx.conf:4:5: warning NETSEC070:", run.Output);
        Assert.EndsWith("in 1 file", run.Output.Trim());
    }

    [Fact]
    public async Task AuthPathsKey_ReplacesTheDefaults()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".netsec.ini", "netsec.auth_paths = session\n");
        folder.Write("nginx.conf", SessionEndpoint);

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--fail-level", "error");

        Assert.Contains("nginx.conf:4:5: warning NETSEC070:", run.Output);
    }

    [Fact]
    public async Task NginxPrefixOption_MapsAbsoluteIncludes()
    {
        using var folder = new TemporaryFolder();
        folder.Write("nginx.conf", "http {\n  include /usr/local/nginx/conf/conf.d/*.conf;\n}\n");
        folder.Write(Path.Combine("conf.d", "tls.conf"), "ssl_protocols TLSv1;\n");

        var byDefault = await Run(folder, realFormats: true, "lint", "nginx.conf", "--fail-level", "error");
        var mapped = await Run(folder, realFormats: true, "lint", "nginx.conf", "--nginx-prefix", "/usr/local/nginx/conf/");

        Assert.Contains("nginx-include-not-checked", byDefault.Output);
        Assert.StartsWith(Path.Combine("conf.d", "tls.conf") + ":1:15: error NETSEC001:", mapped.Output);
    }

    [Fact]
    public async Task NginxPrefixKey_MapsAbsoluteIncludes()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".netsec.ini", "netsec.nginx_prefix = /usr/local/nginx/conf/\n");
        folder.Write("nginx.conf", "http {\n  include /usr/local/nginx/conf/conf.d/*.conf;\n}\n");
        folder.Write(Path.Combine("conf.d", "tls.conf"), "ssl_protocols TLSv1;\n");

        var run = await Run(folder, realFormats: true, "lint", "nginx.conf", "--fail-level", "error");

        Assert.StartsWith(Path.Combine("conf.d", "tls.conf") + ":1:15: error NETSEC001:", run.Output);
    }

    [Fact]
    public async Task SensitivePortsOption_ReplacesTheDefaults()
    {
        using var folder = new TemporaryFolder();
        folder.Write("setup-firewall.sh", OpenPorts);

        var byDefault = await Run(folder, realFormats: true, "lint", "setup-firewall.sh", "--fail-level", "none");
        var configured = await Run(folder, realFormats: true, "lint", "setup-firewall.sh", "--sensitive-ports", "8000-8100", "--fail-level", "none");

        Assert.Contains("setup-firewall.sh:3:11: error NETSEC051: ufw allow 5432/tcp", byDefault.Output);
        Assert.DoesNotContain("8080", byDefault.Output);
        Assert.Contains("setup-firewall.sh:2:11: error NETSEC051: ufw allow 8080/tcp makes port 8080 reachable", configured.Output);
        Assert.DoesNotContain("5432 (PostgreSQL)", configured.Output);
    }

    [Fact]
    public async Task SensitivePortsKey_ReplacesTheDefaults()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".netsec.ini", "netsec.sensitive_ports = 8080\n");
        folder.Write("setup-firewall.sh", OpenPorts);

        var run = await Run(folder, realFormats: true, "lint", "setup-firewall.sh", "--fail-level", "none");

        Assert.Contains("setup-firewall.sh:2:11: error NETSEC051: ufw allow 8080/tcp makes port 8080 reachable", run.Output);
        Assert.DoesNotContain("5432 (PostgreSQL)", run.Output);
    }

    [Fact]
    public async Task SensitivePortsOption_OverridesTheKey()
    {
        using var folder = new TemporaryFolder();
        folder.Write(".netsec.ini", "netsec.sensitive_ports = 8080\n");
        folder.Write("setup-firewall.sh", OpenPorts);

        var run = await Run(folder, realFormats: true, "lint", "setup-firewall.sh", "--sensitive-ports", "5432", "--fail-level", "none");

        Assert.Contains("ufw allow 5432/tcp makes port 5432 (PostgreSQL) reachable", run.Output);
        Assert.DoesNotContain("port 8080", run.Output);
    }

    [Theory]
    [InlineData("--hsts-min-max-age", "abc", "Invalid --hsts-min-max-age 'abc': expected a whole number of seconds such as 31536000.")]
    [InlineData("--hsts-min-max-age", "0", "Invalid --hsts-min-max-age '0': expected a whole number of seconds such as 31536000.")]
    [InlineData("--hsts-min-max-age", "1.5", "Invalid --hsts-min-max-age '1.5': expected a whole number of seconds such as 31536000.")]
    [InlineData("--nginx-prefix", "etc/nginx", "Invalid --nginx-prefix 'etc/nginx': expected an absolute folder path such as /etc/nginx/.")]
    [InlineData("--auth-paths", "", "Invalid --auth-paths '': expected comma-separated path words such as login,token,password/reset.")]
    [InlineData("--auth-paths", "login,,token", "Invalid --auth-paths 'login,,token': expected comma-separated path words such as login,token,password/reset.")]
    [InlineData("--sensitive-ports", "", "Invalid --sensitive-ports '': expected comma-separated ports from 1 to 65535 or ranges such as 5432,6379,9000-9100.")]
    [InlineData("--sensitive-ports", "5432,70000", "Invalid --sensitive-ports '5432,70000': expected comma-separated ports from 1 to 65535 or ranges such as 5432,6379,9000-9100.")]
    [InlineData("--sensitive-ports", "9100-9000", "Invalid --sensitive-ports '9100-9000': expected comma-separated ports from 1 to 65535 or ranges such as 5432,6379,9000-9100.")]
    [InlineData("--auth-paths", "sign in", "Invalid --auth-paths 'sign in': expected comma-separated path words such as login,token,password/reset.")]
    [InlineData("--jobs", "0", "Invalid --jobs '0': expected a whole number of threads of 1 or more, such as 2.")]
    [InlineData("--jobs", "two", "Invalid --jobs 'two': expected a whole number of threads of 1 or more, such as 2.")]
    public async Task InvalidSettingOption_IsUsageError(string option, string value, string message)
    {
        using var folder = new TemporaryFolder();

        var run = await Run(folder, realFormats: true, "lint", ".", option, value);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("netsec: error: " + message, Lines(run.Error)[0]);
        Assert.Empty(run.Output);
    }
}
