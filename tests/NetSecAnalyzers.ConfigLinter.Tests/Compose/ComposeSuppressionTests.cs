using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Compose;

public class ComposeSuppressionTests
{
    [Fact]
    public void NextLineComment_SuppressesPortEntry()
    {
        using var folder = new TemporaryFolder();
        folder.Write("compose.yaml", """
            services:
              web:
                image: registry.example.com/web:1
                ports:
                  # netsec-disable-next-line NETSEC053: the load balancer in front filters traffic
                  - "8080:80"
                  - target: 9090
                    published: 9090
                # netsec-disable-next-line NETSEC061: the VPN needs to manage routes
                cap_add: [NET_ADMIN]
                environment:
                  # A '#' inside a value is no comment: "# netsec-disable-next-line NETSEC020: no"
                  NODE_TLS_REJECT_UNAUTHORIZED: "0 # netsec-disable-line NETSEC020: not a comment"
            """);

        var result = new LintEngine().Lint(new[] { folder.Path }, new LintOptions(), folder.Path);

        var suppressed = Assert.Single(result.Findings, finding => finding.Rule == RuleCatalog.PortPublishedOnAllInterfaces && finding.IsSuppressed);
        Assert.Equal("the load balancer in front filters traffic", suppressed.Suppression!.Justification);
        Assert.Single(result.Findings, finding => finding.Rule == RuleCatalog.PortPublishedOnAllInterfaces && !finding.IsSuppressed);
        Assert.Single(result.Findings, finding => finding.Rule == RuleCatalog.ContainerBypassesNetworkIsolation && finding.IsSuppressed);
        Assert.Empty(result.Notifications);
    }

    [Fact]
    public void EndOfLineComment_SuppressesItsLine()
    {
        using var folder = new TemporaryFolder();
        folder.Write("compose.yaml", """
            services:
              cache:
                image: registry.example.com/tools:1
                network_mode: host    # netsec-disable-line NETSEC061: the exporter reads host interfaces
            """);

        var result = new LintEngine().Lint(new[] { folder.Path }, new LintOptions(), folder.Path);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("the exporter reads host interfaces", finding.Suppression?.Justification);
        Assert.Empty(result.Notifications);
    }

    [Fact]
    public void CommentInLongSyntax_SuppressesWholeEntry()
    {
        using var folder = new TemporaryFolder();
        folder.Write("compose.yaml", """
            services:
              db:
                image: postgres:16
                networks: [data]
                ports:
                  # netsec-disable-next-line NETSEC051: reachable only through the VPN interface
                  - target: 5432
                    published: 5432
            networks:
              data:
                internal: true
            """);

        var result = new LintEngine().Lint(new[] { folder.Path }, new LintOptions(), folder.Path);

        var finding = Assert.Single(result.Findings);
        Assert.True(finding.IsSuppressed);
        Assert.Empty(result.Notifications);
    }
}
