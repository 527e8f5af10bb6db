using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Compose;
using NetSecAnalyzers.ConfigLinter.Compose.Yaml;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using static NetSecAnalyzers.ConfigLinter.Tests.Compose.ComposeFixture;

namespace NetSecAnalyzers.ConfigLinter.Tests.Compose;

public class ComposeReaderTests
{
    [Fact]
    public void MergeKey_KeepsAnchorPositions()
    {
        var findings = Lint("""
            x-exposed: &exposed
              ports:
                - "8080:80"
              privileged: true
            services:
              web:
                <<: *exposed
                image: registry.example.com/web:1
                privileged: false
            """);

        var port = Assert.Single(FindingsOf(findings, RuleCatalog.PortPublishedOnAllInterfaces));
        Assert.Equal("3:7-3:16", Describe(port.Location));
        Assert.Empty(FindingsOf(findings, RuleCatalog.ContainerBypassesNetworkIsolation));
    }

    [Fact]
    public void MergeKeyList_EarlierMappingWins()
    {
        var findings = Lint("""
            x-host: &host
              network_mode: host
            x-none: &none
              network_mode: none
            services:
              metrics:
                <<: [*host, *none]
                image: registry.example.com/metrics:1
            """);

        var finding = Assert.Single(FindingsOf(findings, RuleCatalog.ContainerBypassesNetworkIsolation));
        Assert.Equal(2, finding.Location.StartLine);
    }

    [Fact]
    public void Alias_ReportsAtAnchor()
    {
        var findings = Lint("""
            services:
              a:
                image: registry.example.com/a:1
                cap_add: &caps [NET_ADMIN]
              b:
                image: registry.example.com/b:1
                cap_add: *caps
            """);

        var locations = FindingsOf(findings, RuleCatalog.ContainerBypassesNetworkIsolation).Select(finding => Describe(finding.Location)).ToList();
        Assert.Equal(new[] { "4:21-4:30", "4:21-4:30" }, locations);
    }

    [Theory]
    [InlineData("${PORT}", "8080")]
    [InlineData("$PORT", "8080")]
    [InlineData("${MISSING:-9090}", "9090")]
    [InlineData("${EMPTY:-9090}", "9090")]
    [InlineData("${EMPTY-9090}", "")]
    [InlineData("${MISSING-9090}", "9090")]
    [InlineData("${PORT:?required}", "8080")]
    [InlineData("${MISSING:?required}", "\uE000")]
    [InlineData("${MISSING}", "\uE000")]
    [InlineData("${PORT:+set}", "set")]
    [InlineData("${MISSING:-${PORT}}", "8080")]
    [InlineData("$$PORT", "$PORT")]
    [InlineData("a$", "a$")]
    [InlineData("${UNCLOSED", "\uE000")]
    public void Interpolation_UsesDefaultsAndKeepsUnknowns(string text, string expected)
    {
        var variables = new ComposeVariables(new Dictionary<string, string> { ["PORT"] = "8080", ["EMPTY"] = string.Empty });

        Assert.Equal(expected, variables.Interpolate(text));
    }

    [Fact]
    public void DotEnv_DefinesVariables()
    {
        var findings = Lint(new[]
        {
            ("compose.yaml", """
                services:
                  db:
                    image: ${DB_IMAGE}
                    ports:
                      - "${BIND}:${DB_PORT}:5432"
                """),
            (".env", "# comment\nDB_IMAGE=postgres:16\nexport BIND='0.0.0.0'\nDB_PORT=15432 # host side\n"),
        });

        var finding = Assert.Single(FindingsOf(findings, RuleCatalog.SensitivePortReachableFromAnyAddress));
        Assert.StartsWith("Service 'db' (postgres:16) makes port 15432 (PostgreSQL;", finding.Message);
    }

    [Fact]
    public void ExtendsInSameFileAndOtherFile_MergesBase()
    {
        var findings = Lint(new[]
        {
            ("compose.yaml", """
                services:
                  base:
                    image: registry.example.com/web:1
                    ports: ["8080:80"]
                  web:
                    extends: base
                    ports: ["8081:81"]
                  worker:
                    extends:
                      file: common/services.yaml
                      service: privileged-worker
                """),
            ("common/services.yaml", """
                services:
                  privileged-worker:
                    image: registry.example.com/worker:1
                    privileged: true
                """),
        });

        Assert.Empty(findings.Notifications);
        var ports = FindingsOf(findings, RuleCatalog.PortPublishedOnAllInterfaces).Select(finding => finding.Message).ToList();
        Assert.Equal(3, ports.Count);
        Assert.Contains(ports, message => message.StartsWith("Service 'web'") && message.Contains("'8080:80'"));
        var privileged = Assert.Single(FindingsOf(findings, RuleCatalog.ContainerBypassesNetworkIsolation));
        Assert.EndsWith("services.yaml", privileged.Location.FilePath);
        Assert.StartsWith("Service 'worker'", privileged.Message);
    }

    [Fact]
    public void ExtendsCycle_ReportsNotification()
    {
        var findings = Lint("""
            services:
              a:
                extends: b
              b:
                extends: a
            """);

        Assert.Contains(findings.Notifications, notification => notification.Code == ComposeNotificationCodes.Reference && notification.Message.Contains("extends it back"));
    }

    [Fact]
    public void Include_AddsServicesOfIncludedFile()
    {
        var findings = Lint(new[]
        {
            ("compose.yaml", """
                include:
                  - db/compose.yaml
                  - path: [cache/compose.yaml]
                services:
                  web:
                    image: registry.example.com/web:1
                """),
            ("db/compose.yaml", """
                services:
                  db:
                    image: postgres:16
                    ports: ["5432:5432"]
                """),
            ("cache/compose.yaml", """
                services:
                  cache:
                    image: registry.example.com/tools:1
                    network_mode: host
                """),
        });

        Assert.Empty(findings.Notifications);
        Assert.Single(FindingsOf(findings, RuleCatalog.SensitivePortReachableFromAnyAddress));
        Assert.Single(FindingsOf(findings, RuleCatalog.ContainerBypassesNetworkIsolation));
    }

    [Fact]
    public void IncludeCycle_ReportsNotification()
    {
        var findings = Lint(new[]
        {
            ("compose.yaml", "include: [other.yaml]\nservices: {}\n"),
            ("other.yaml", "include: [compose.yaml]\nservices: {}\n"),
        });

        Assert.Contains(findings.Notifications, notification => notification.Message.Contains("forms a cycle"));
    }

    [Fact]
    public void OverrideFile_MergedAsDockerMergesIt()
    {
        var findings = Lint(new[]
        {
            ("docker-compose.yml", """
                services:
                  web:
                    image: registry.example.com/web:1
                    ports: ["8080:80"]
                    privileged: true
                    cap_add: [NET_ADMIN]
                """),
            ("docker-compose.override.yml", """
                services:
                  web:
                    ports: ["9090:90"]
                    privileged: false
                    cap_add: !reset []
                """),
        });

        Assert.Empty(findings.Notifications);
        var ports = FindingsOf(findings, RuleCatalog.PortPublishedOnAllInterfaces);
        Assert.Equal(new[] { "docker-compose.override.yml", "docker-compose.yml" }, ports.Select(finding => System.IO.Path.GetFileName(finding.Location.FilePath)).OrderBy(name => name, System.StringComparer.Ordinal));
        Assert.Empty(FindingsOf(findings, RuleCatalog.ContainerBypassesNetworkIsolation));
    }

    [Fact]
    public void OverrideFileAlone_ReadWithItsMainFile()
    {
        using var folder = new Infrastructure.TemporaryFolder();
        folder.Write("compose.yaml", "services:\n  web:\n    image: registry.example.com/web:1\n");
        var overridePath = folder.Write("compose.override.yaml", "services:\n  web:\n    network_mode: host\n");
        var diagnostics = new DiagnosticBag();

        ComposeLinter.Lint(new[] { overridePath }, new LintOptions(), diagnostics);

        var finding = Assert.Single(FindingsOf(diagnostics, RuleCatalog.ContainerBypassesNetworkIsolation));
        Assert.StartsWith("Service 'web' (registry.example.com/web:1)", finding.Message);
    }

    [Fact]
    public void SyntaxError_ReportsFileLineAndColumn()
    {
        var diagnostics = Lint("services:\n  web:\n    image: \"unclosed\n    ports: [\n");

        var notification = Assert.Single(diagnostics.Notifications);
        Assert.Equal(ComposeNotificationCodes.Syntax, notification.Code);
        Assert.StartsWith("Invalid YAML: ", notification.Message);
        Assert.EndsWith(FileName, notification.Location!.FilePath);
        Assert.True(notification.Location.StartLine >= 3, notification.ToString());
    }

    [Fact]
    public void SyntaxErrorInOneFile_OtherFilesStillLint()
    {
        using var folder = new Infrastructure.TemporaryFolder();
        var broken = folder.Write("a/compose.yaml", "services: [\n");
        var good = folder.Write("b/compose.yaml", "services:\n  x:\n    image: registry.example.com/x:1\n    privileged: true\n");
        var diagnostics = new DiagnosticBag();

        ComposeLinter.Lint(new[] { broken, good }, new LintOptions(), diagnostics);

        Assert.Single(diagnostics.Notifications, notification => notification.Code == ComposeNotificationCodes.Syntax);
        Assert.Single(FindingsOf(diagnostics, RuleCatalog.ContainerBypassesNetworkIsolation));
    }

    [Fact]
    public void NotComposeYaml_SkippedWithNote()
    {
        var diagnostics = Lint(new[] { ("docker-compose.ci.yml", "apiVersion: apps/v1\nkind: Deployment\n") });

        var notification = Assert.Single(diagnostics.Notifications);
        Assert.Equal(ComposeNotificationCodes.NotCompose, notification.Code);
        Assert.Equal(NotificationLevel.Note, notification.Level);
        Assert.Empty(diagnostics.Findings);
    }

    [Theory]
    [InlineData("compose.yaml", "", true)]
    [InlineData("compose.yml", "", true)]
    [InlineData("docker-compose.yml", "", true)]
    [InlineData("docker-compose.yaml", "", true)]
    [InlineData("prod.compose.yaml", "", true)]
    [InlineData("docker-compose.prod.yml", "", true)]
    [InlineData("stack.yaml", "# stack\nservices:\n  web: {}\n", true)]
    [InlineData("stack.yml", "version: '3'\nservices: # all\n", true)]
    [InlineData("values.yaml", "  services:\n", false)]
    [InlineData("values.yaml", "servicesList:\n", false)]
    [InlineData("compose.json", "services:\n", false)]
    [InlineData("nginx.conf", "services:\n", false)]
    public void Recognizer_ByNameOrTopLevelServices(string name, string text, bool expected)
    {
        Assert.Equal(expected, ComposeLinter.IsComposeFile("/repo/deploy/" + name, text));
    }
}
