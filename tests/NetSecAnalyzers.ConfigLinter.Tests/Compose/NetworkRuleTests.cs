using System.Linq;
using NetSecAnalyzers.Catalog;
using static NetSecAnalyzers.ConfigLinter.Tests.Compose.ComposeFixture;

namespace NetSecAnalyzers.ConfigLinter.Tests.Compose;

[Trait("Rule", "NETSEC060")]
public class DataTierNotIsolatedRuleTests
{
    [Fact]
    public void DatabaseOnSharedNonInternalNetwork_Reports()
    {
        var finding = AssertReports(RuleCatalog.DataTierNotIsolated, """
            services:
              web:
                image: registry.example.com/shop-web:2.3
                ports:
                  - "443:8443"
                networks: [frontend, backend]
              db:
                image: postgres:16
                networks: [[|backend|]]
            networks:
              frontend: {}
              backend: {}
            """).Single();

        Assert.Equal("Service 'db' (postgres:16) is on network 'backend', which is not internal: true and is shared with 'web', which publishes ports to other hosts; put data services on an internal network", finding.Message);
    }

    [Fact]
    public void DatabaseOnDefaultNetwork_Reports()
    {
        var finding = AssertReports(RuleCatalog.DataTierNotIsolated, """
            services:
              [|cache|]:
                image: redis:7
            """).Single();

        Assert.Contains("network 'default', which is the network every service without a networks key joins", finding.Message);
    }

    [Fact]
    public void InternalNetworkSharedWithPublishingService_Reports()
    {
        var finding = AssertReports(RuleCatalog.DataTierNotIsolated, """
            services:
              api:
                image: registry.example.com/api:1
                ports: ["8080:8080"]
                networks:
                  data: {}
              db:
                image: registry.example.com/custom-db:1
                expose: ["5432"]
                networks:
                  [|data|]:
                    aliases: [database]
            networks:
              data:
                internal: true
            """).Single();

        Assert.Contains("which is shared with 'api', which publishes ports to other hosts", finding.Message);
    }

    [Fact]
    public void InternalNetworkWithLoopbackPublisher_NoDiagnostic()
    {
        AssertNoDiagnostic(RuleCatalog.DataTierNotIsolated, """
            services:
              app:
                image: registry.example.com/api:1
                ports:
                  - "127.0.0.1:8002:8080"
                networks: [edge, data]
              db:
                image: postgres:16
                networks: [data]
              web:
                image: nginx:1.27
                ports: ["443:443"]
                networks: [edge]
            networks:
              edge: {}
              data:
                internal: true
            """);
    }

    [Fact]
    public void NonDatabaseOnDefaultNetwork_NoDiagnostic()
    {
        AssertNoDiagnostic(RuleCatalog.DataTierNotIsolated, """
            services:
              worker:
                image: registry.example.com/worker:1
              isolated:
                image: postgres:16
                network_mode: none
            """);
    }
}

[Trait("Rule", "NETSEC061")]
public class ContainerBypassesNetworkIsolationRuleTests
{
    [Fact]
    public void HostNetworkPrivilegedAndCapabilities_Reports()
    {
        var findings = AssertReports(RuleCatalog.ContainerBypassesNetworkIsolation, """
            services:
              metrics:
                image: registry.example.com/node-metrics:1.2
                network_mode: [|host|]
              vpn:
                image: registry.example.com/vpn:4
                privileged: [|yes|]
              vpn2:
                image: registry.example.com/vpn:4
                privileged: [|"True"|]
              sniffer:
                image: registry.example.com/packet-tools:0.9
                cap_add:
                  - [|NET_ADMIN|]
                  - [|CAP_NET_RAW|]
                  - [|sys_admin|]
                  - [|ALL|]
                  - CHOWN
            """);

        Assert.Equal("Service 'metrics' (registry.example.com/node-metrics:1.2) sets network_mode: host, which shares the host's network stack, so it can listen on any host port and reach services bound to the host's loopback address; remove it", findings[0].Message);
        Assert.Contains("sets privileged: yes, which gives", findings[1].Message);
        Assert.Contains("sets cap_add CAP_NET_RAW, which lets the container craft raw packets", findings[4].Message);
    }

    [Fact]
    public void SafeSettings_NoDiagnostic()
    {
        AssertNoDiagnostic(RuleCatalog.ContainerBypassesNetworkIsolation, """
            services:
              metrics:
                image: registry.example.com/node-metrics:1.2
                network_mode: bridge
                privileged: false
                cap_add: [CHOWN, NET_BIND_SERVICE]
                cap_drop: [ALL]
              other:
                image: registry.example.com/app:1
                privileged: "no"
                network_mode: "service:metrics"
            """);
    }
}
