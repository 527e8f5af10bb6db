using System.Linq;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;
using static NetSecAnalyzers.ConfigLinter.Tests.Compose.ComposeFixture;

namespace NetSecAnalyzers.ConfigLinter.Tests.Compose;

public class SensitivePortPublishedRuleTests
{
    [Fact]
    [Trait("Rule", "NETSEC051")]
    public void DatabasePortOnAllInterfaces_Reports()
    {
        var findings = AssertReports(RuleCatalog.SensitivePortReachableFromAnyAddress, """
            services:
              db:
                image: postgres:16
                ports:
                  - [|"5432:5432"|]
                  - [|"0.0.0.0:15432:5432"|]
                  - [|"[::]:25432:5432"|]
              cache:
                image: redis:7
                ports:
                  - [|target: 6379
                    published: "6379"|]
            """);

        Assert.Equal("Service 'db' (postgres:16) makes port 5432 (PostgreSQL; '5432:5432') reachable from any address; allow it only from trusted sources or bind it to a private interface", findings[0].Message);
        Assert.Contains("port 15432 (PostgreSQL; '0.0.0.0:15432:5432'; container port 5432)", findings[1].Message);
    }

    [Fact]
    [Trait("Rule", "NETSEC051")]
    public void BareContainerPortOfDatabase_Reports()
    {
        var finding = AssertReports(RuleCatalog.SensitivePortReachableFromAnyAddress, """
            services:
              search:
                image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0
                ports:
                  - [|9200|]
            """).Single();

        Assert.Contains("port 9200 of the container (Elasticsearch and OpenSearch; '9200', on a random host port)", finding.Message);
    }

    [Fact]
    [Trait("Rule", "NETSEC051")]
    public void DatabaseImageOnOtherPort_Reports()
    {
        AssertReports(RuleCatalog.SensitivePortReachableFromAnyAddress, """
            services:
              db:
                image: mariadb:11
                ports:
                  - [|"13306:3307"|]
            """);
    }

    [Fact]
    [Trait("Rule", "NETSEC051")]
    public void ConfiguredSensitivePort_Reports()
    {
        var options = new LintOptions { SensitivePorts = new[] { 8443 } };

        AssertReports(RuleCatalog.SensitivePortReachableFromAnyAddress, """
            services:
              admin:
                image: registry.example.com/admin:1
                ports:
                  - [|"8443:8443"|]
            """, options);
    }

    [Fact]
    [Trait("Rule", "NETSEC051")]
    public void LoopbackOrSpecificAddress_NoDiagnostic()
    {
        AssertNoDiagnostic(RuleCatalog.SensitivePortReachableFromAnyAddress, """
            services:
              db:
                image: postgres:16
                ports:
                  - "127.0.0.1:5432:5432"
                  - "[::1]:5433:5432"
                  - "10.0.20.5:5434:5432"
                  - target: 5432
                    published: 5435
                    host_ip: 127.0.0.1
                expose:
                  - "5432"
            """);
    }

    [Fact]
    [Trait("Rule", "NETSEC051")]
    public void UnknownHostAddress_NoDiagnostic()
    {
        AssertNoDiagnostic(RuleCatalog.SensitivePortReachableFromAnyAddress, """
            services:
              db:
                image: postgres:16
                ports:
                  - "${DB_BIND}:5432"
                  - "${DB_ADDRESS:?set it}:5433:5432"
            """);
    }

    [Fact]
    [Trait("Rule", "NETSEC051")]
    public void DefaultHostAddressFromInterpolation_Reports()
    {
        AssertReports(RuleCatalog.SensitivePortReachableFromAnyAddress, """
            services:
              db:
                image: postgres:16
                ports:
                  - [|"${DB_ADDRESS:-0.0.0.0}:5432:5432"|]
            """);
    }

    [Fact]
    [Trait("Rule", "NETSEC051")]
    public void HostFirewallDeny_ReportsBypassWithRelatedLocation()
    {
        using var folder = new TemporaryFolder();
        folder.Write("deploy/compose.yaml", "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"5432:5432\"\n");
        var rules = folder.Write("deploy/ufw/setup.sh", "#!/bin/sh\nufw deny 5432/tcp\nufw --force enable\n");

        var finding = LintFolder(folder).Single(finding => finding.Rule == RuleCatalog.SensitivePortReachableFromAnyAddress && finding.Location.FilePath.EndsWith("compose.yaml", System.StringComparison.Ordinal));

        Assert.Contains("Docker publishes it through its own iptables rules ahead of the host firewall's input rules, so ufw deny 5432/tcp does not block it", finding.Message);
        var related = Assert.Single(finding.RelatedLocations);
        Assert.Equal(rules, related.Location.FilePath);
        Assert.Equal(2, related.Location.StartLine);
    }

    internal static System.Collections.Generic.IReadOnlyList<Finding> LintFolder(TemporaryFolder folder) =>
        new LintEngine().Lint(new[] { folder.Path }, new LintOptions(), folder.Path).Findings;
}

public class PortPublishedOnAllInterfacesRuleTests
{
    [Fact]
    [Trait("Rule", "NETSEC053")]
    public void EveryShortAndLongForm_Reports()
    {
        var findings = AssertReports(RuleCatalog.PortPublishedOnAllInterfaces, """
            services:
              web:
                image: registry.example.com/web:2
                ports:
                  - [|"8080:80"|]
                  - [|8081|]
                  - [|"8000-8010:8000-8010"|]
                  - [|"0.0.0.0:53:53/udp"|]
                  - [|":::8443:443"|]
                  - [|target: 9090
                    published: "9090"
                    protocol: tcp
                    mode: host|]
                  - [|target: 9091|]
                  - [|target: 9092
                    host_ip: "::"
                    published: 9100-9101|]
            """);

        Assert.Equal("Service 'web' (registry.example.com/web:2) publishes port 8080 ('8080:80'; container port 80) on all interfaces; bind it to a specific host address", findings[0].Message);
        Assert.Contains("port 8000-8010 ('8000-8010:8000-8010')", findings[2].Message);
    }

    [Fact]
    [Trait("Rule", "NETSEC053")]
    public void SensitivePortLeftToNetsec051_NoDiagnostic()
    {
        AssertNoDiagnostic(RuleCatalog.PortPublishedOnAllInterfaces, """
            services:
              db:
                image: postgres:16
                ports:
                  - "5432:5432"
              web:
                image: registry.example.com/web:2
                ports:
                  - "127.0.0.1:8080:80"
                expose:
                  - "80"
            """);
    }

    [Fact]
    [Trait("Rule", "NETSEC053")]
    public void DefaultPolicy_ReportsBypassForRandomPort()
    {
        using var folder = new TemporaryFolder();
        folder.Write("compose.yaml", "services:\n  web:\n    image: registry.example.com/web:2\n    ports:\n      - \"80\"\n");
        var policy = folder.Write("etc/default/ufw", "IPV6=yes\nDEFAULT_INPUT_POLICY=\"DROP\"\n");

        var finding = SensitivePortPublishedRuleTests.LintFolder(folder).Single(finding => finding.Rule == RuleCatalog.PortPublishedOnAllInterfaces);

        Assert.Contains("so DEFAULT_INPUT_POLICY=\"DROP\" does not block it", finding.Message);
        Assert.Equal(policy, Assert.Single(finding.RelatedLocations).Location.FilePath);
    }

    [Fact]
    [Trait("Rule", "NETSEC053")]
    public void NoHostFirewall_NoBypassNote()
    {
        var finding = AssertReports(RuleCatalog.PortPublishedOnAllInterfaces, """
            services:
              web:
                image: registry.example.com/web:2
                ports: [ [|"8080:80"|] ]
            """).Single();

        Assert.DoesNotContain("firewall", finding.Message);
        Assert.Empty(finding.RelatedLocations);
    }
}
