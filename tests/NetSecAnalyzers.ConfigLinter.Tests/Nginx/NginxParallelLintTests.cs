using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Nginx;
using NetSecAnalyzers.ConfigLinter.Output;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

/// <summary>
/// The nginx linter with worker threads gives the output of one thread: the same findings, notifications
/// and files, in the same order.
/// </summary>
public sealed class NginxParallelLintTests
{
    private const int Deployments = 8;

    [Fact]
    public void ParallelLint_MatchesSequentialOutput()
    {
        using var folder = new TemporaryFolder();
        WriteDeployments(folder);

        var sequential = Lint(folder, maxDegreeOfParallelism: 1);

        // Four workers on any machine, so that reads overlap even where it has one or two cores. Repeated
        // runs meet different interleavings, which is where a difference in order would show.
        for (var run = 0; run < 5; run++)
        {
            var parallel = Lint(folder, maxDegreeOfParallelism: 4);
            Assert.Equal(sequential.Json, parallel.Json);
        }

        // The fixture has to produce every kind of output, or the comparison above proves little.
        Assert.Contains(sequential.Result.Findings, finding => finding.Rule.Id == "NETSEC001");
        Assert.Contains(sequential.Result.Findings, finding => finding.IsSuppressed);
        Assert.Contains(sequential.Result.Notifications, notification => notification.Code == NginxNotificationCodes.Syntax);
        Assert.Contains(sequential.Result.Notifications, notification => notification.Code == NginxNotificationCodes.IncludeCycle);
    }

    [Fact]
    public void ParallelLint_DropsIncludedRoots()
    {
        using var folder = new TemporaryFolder();
        WriteDeployments(folder);

        var result = Lint(folder, maxDegreeOfParallelism: 4).Result;

        // Each conf.d file is read through its deployment's main.conf, so its finding carries that include chain.
        var confDFindings = result.Findings
            .Where(finding => finding.Rule.Id == "NETSEC001" && finding.Location.FilePath.Contains("conf.d"))
            .ToList();
        Assert.Equal(Deployments, confDFindings.Count);
        Assert.All(confDFindings, finding => Assert.Contains(finding.RelatedLocations, related => related.Message.Contains("is included here")));
    }

    [Fact]
    public void MaxDegreeOfParallelism_RejectsZero()
    {
        var options = new LintOptions();

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxDegreeOfParallelism = 0);

        Assert.Contains("1 or more", exception.Message);
    }

    private static (LintResult Result, string Json) Lint(TemporaryFolder folder, int maxDegreeOfParallelism)
    {
        var options = new LintOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        var result = new LintEngine().Lint(new[] { folder.Path }, options, folder.Path);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new JsonFormatter().Write(result, writer);
        return (result, writer.ToString());
    }

    /// <summary>
    /// Writes deployments whose main files include sites through a link, a shared snippet and a glob, beside
    /// a stand-alone site, a second main file with a folder of its own, a file with a syntax error and an
    /// include cycle. The conf.d files sit deeper than main.conf, so a worker may read one on its own while
    /// another still reads main.conf.
    /// </summary>
    private static void WriteDeployments(TemporaryFolder folder)
    {
        for (var deployment = 0; deployment < Deployments; deployment++)
        {
            var root = "deploy" + deployment + "/";
            folder.Write(root + "nginx.conf", "events {}\nhttp {\n  include snippets/tls.conf;\n  include sites-enabled/*;\n}\n");
            folder.Write(root + "snippets/tls.conf", "ssl_protocols TLSv1 TLSv1.2;\n");
            for (var site = 0; site < 3; site++)
            {
                var name = "site" + site + ".conf";
                var ciphers = site == 1 ? "  ssl_ciphers RC4-SHA;\n" : string.Empty;
                var suppressed = site == 2 ? "  # netsec-disable-next-line NETSEC036: the load balancer removes the Server header\n" : string.Empty;
                folder.Write(
                    root + "sites-available/" + name,
                    "server {\n  listen " + (8443 + site) + " ssl;\n" + ciphers + suppressed + "  server_tokens on;\n  location / { proxy_pass http://10.0.0." + site + "; }\n}\n");
                Directory.CreateDirectory(folder.Combine(root + "sites-enabled"));
                File.CreateSymbolicLink(folder.Combine(root + "sites-enabled/" + name), "../sites-available/" + name);
            }

            folder.Write(root + "standalone.conf", "server {\n  listen 443 ssl;\n  ssl_protocols SSLv3;\n}\n");
            folder.Write(root + "main.conf", "events {}\nhttp {\n  include conf.d/*.conf;\n}\n");
            folder.Write(root + "conf.d/app.conf", "server {\n  listen 9443 ssl;\n  ssl_protocols TLSv1.1;\n  server_tokens off;\n}\n");
        }

        folder.Write("deploy3/sites-available/broken.conf", "server {\n  listen 80\n  root /srv;\n");
        folder.Write("cycle/a.conf", "include b.conf;\nserver_tokens on;\n");
        folder.Write("cycle/b.conf", "include a.conf;\nserver_tokens on;\n");
    }
}
