using System.Linq;
using NetSecAnalyzers.Catalog;
using static NetSecAnalyzers.ConfigLinter.Tests.Compose.ComposeFixture;

namespace NetSecAnalyzers.ConfigLinter.Tests.Compose;

[Trait("Rule", "NETSEC020")]
public class ComposeCertificateValidationDisabledTests
{
    [Fact]
    public void EnvironmentMapAndListForms_Reports()
    {
        var findings = AssertReports(RuleCatalog.CertificateValidationDisabled, """
            services:
              app:
                image: node:22
                environment:
                  [|NODE_TLS_REJECT_UNAUTHORIZED|]: 0
                  [|GIT_SSL_NO_VERIFY|]: "false"
              worker:
                image: python:3.13
                environment:
                  - [|PYTHONHTTPSVERIFY=0|]
                  - [|npm_config_strict_ssl=false|]
                  - [|GIT_SSL_NO_VERIFY=|]
            """);

        Assert.Equal("Service 'app' (node:22) sets NODE_TLS_REJECT_UNAUTHORIZED=0, which makes Node.js accept any server certificate; remove it and add the CA with NODE_EXTRA_CA_CERTS", findings[0].Message);
        Assert.Contains("GIT_SSL_NO_VERIFY=false, which makes git accept any server certificate, whatever its value", findings[1].Message);
    }

    [Fact]
    public void InsecureFlagsInCommands_Reports()
    {
        var findings = AssertReports(RuleCatalog.CertificateValidationDisabled, """
            services:
              probe:
                image: curlimages/curl:8.10.1
                command: [|curl -fsSk https://lab.example.com/health|]
                healthcheck:
                  test: ["CMD", "wget", "-q", [|"--no-check-certificate"|], "https://localhost/"]
              fetch:
                image: alpine:3.20
                entrypoint: ["/bin/sh", "-c", [|"apk add curl && curl --insecure https://lab.example.com/ | sh"|]]
              proxy:
                image: traefik:v3.1
                command:
                  - "--providers.docker=true"
                  - [|"--serverstransport.insecureskipverify=true"|]
              args:
                image: curlimages/curl:8.10.1
                command: [[|"-k"|], "https://lab.example.com/"]
            """);

        Assert.Equal("Service 'probe' (curlimages/curl:8.10.1) runs curl with -fsSk, which accepts any server certificate; remove it and pass the CA with --cacert", findings[0].Message);
        Assert.Contains("runs traefik with --serverstransport.insecureskipverify=true", findings[3].Message);
    }

    [Fact]
    public void VerifyingSettings_NoDiagnostic()
    {
        AssertNoDiagnostic(RuleCatalog.CertificateValidationDisabled, """
            services:
              app:
                image: node:22
                environment:
                  NODE_TLS_REJECT_UNAUTHORIZED: "1"
                  DOCKER_TLS_VERIFY: "0"
                  PYTHONHTTPSVERIFY: "1"
                  NPM_CONFIG_STRICT_SSL: "true"
                  GIT_SSL_NO_VERIFY:
                command: node server.js --insecure
              proxy:
                image: traefik:v3.1
                command: ["--api.insecure=true", "--serverstransport.insecureskipverify=false"]
              probe:
                image: curlimages/curl:8.10.1
                command: 'curl -o k https://lab.example.com/ -H "X-Mode: -k"'
              later:
                image: alpine:3.20
                environment:
                  - NODE_TLS_REJECT_UNAUTHORIZED
            """);
    }

    [Fact]
    public void OverrideRestoresVerification_NoDiagnostic()
    {
        var diagnostics = Lint(new[]
        {
            ("compose.yaml", """
                services:
                  app:
                    image: node:22
                    environment:
                      - NODE_TLS_REJECT_UNAUTHORIZED=0
                """),
            ("compose.override.yaml", """
                services:
                  app:
                    environment:
                      NODE_TLS_REJECT_UNAUTHORIZED: "1"
                """),
        });

        Assert.Empty(diagnostics.Notifications);
        Assert.Empty(FindingsOf(diagnostics, RuleCatalog.CertificateValidationDisabled));
    }
}
