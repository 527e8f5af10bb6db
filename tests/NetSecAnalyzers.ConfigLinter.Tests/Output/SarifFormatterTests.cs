using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Output;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Output;

public sealed class SarifFormatterTests
{
    [Fact]
    public void Log_HasSchemaVersionAndOneRun()
    {
        using var folder = new TemporaryFolder();
        using var log = Format(SampleFindings.Mixed(folder));

        Assert.Equal(SarifFormatter.SchemaUri, log.RootElement.GetProperty("$schema").GetString());
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        Assert.Equal(1, log.RootElement.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public void Driver_NamesToolAndVersion()
    {
        using var folder = new TemporaryFolder();
        using var log = Format(SampleFindings.Mixed(folder));
        var driver = Run(log).GetProperty("tool").GetProperty("driver");

        Assert.Equal("netsec", driver.GetProperty("name").GetString());
        Assert.Equal(ToolInfo.Version, driver.GetProperty("version").GetString());
        Assert.Equal(ToolInfo.Version, driver.GetProperty("semanticVersion").GetString());
        Assert.Equal(ToolInfo.InformationUri, driver.GetProperty("informationUri").GetString());
    }

    [Fact]
    public void Rules_ListWholeCatalogueInOrder()
    {
        using var folder = new TemporaryFolder();
        using var log = Format(SampleFindings.Mixed(folder));
        var rules = Rules(log);

        Assert.Equal(RuleCatalog.All.Select(rule => rule.Id), rules.Select(rule => rule.GetProperty("id").GetString()));
    }

    [Fact]
    public void Rule_CarriesCatalogueMetadata()
    {
        using var folder = new TemporaryFolder();
        using var log = Format(SampleFindings.Mixed(folder));
        var rule = Rules(log)[0];
        var catalogue = RuleCatalog.LegacyTlsProtocol;

        Assert.Equal("LegacyTlsProtocol", rule.GetProperty("name").GetString());
        Assert.Equal(catalogue.Title, rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal(catalogue.Description, rule.GetProperty("fullDescription").GetProperty("text").GetString());
        Assert.Equal(catalogue.MessageFormat + ".", rule.GetProperty("messageStrings").GetProperty("default").GetProperty("text").GetString());
        Assert.Contains(catalogue.Description, rule.GetProperty("help").GetProperty("text").GetString());
        Assert.Contains("(" + catalogue.HelpUri + ")", rule.GetProperty("help").GetProperty("markdown").GetString());
        Assert.Equal(catalogue.HelpUri, rule.GetProperty("helpUri").GetString());
        Assert.Equal("error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.False(rule.GetProperty("defaultConfiguration").TryGetProperty("enabled", out _));
        var properties = rule.GetProperty("properties");
        Assert.Equal(catalogue.Tags, properties.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal("very-high", properties.GetProperty("precision").GetString());
        Assert.Equal("error", properties.GetProperty("problem.severity").GetString());
    }

    [Fact]
    public void SecuritySeverity_IsStringWithOneDecimal()
    {
        using var folder = new TemporaryFolder();
        using var log = Format(SampleFindings.Mixed(folder));
        var securitySeverity = Rules(log)[0].GetProperty("properties").GetProperty("security-severity");

        Assert.Equal(JsonValueKind.String, securitySeverity.ValueKind);
        Assert.Equal("7.5", securitySeverity.GetString());
    }

    [Fact]
    public void Result_RuleIndexPointsAtItsRule()
    {
        using var folder = new TemporaryFolder();
        using var log = Format(SampleFindings.Mixed(folder));
        var rules = Rules(log);

        foreach (var result in Results(log))
        {
            var rule = rules[result.GetProperty("ruleIndex").GetInt32()];
            Assert.Equal(result.GetProperty("ruleId").GetString(), rule.GetProperty("id").GetString());
        }
    }

    [Fact]
    public void Result_LevelFollowsFindingSeverity()
    {
        using var folder = new TemporaryFolder();
        using var log = Format(SampleFindings.Mixed(folder));

        Assert.Equal(new[] { "error", "warning", "note" }, Results(log).Select(result => result.GetProperty("level").GetString()));
    }

    [Fact]
    public void Result_MessageIsSentence()
    {
        using var folder = new TemporaryFolder();
        using var log = Format(SampleFindings.Mixed(folder));

        Assert.Equal(
            "ssl_protocols TLSv1 TLSv1.2 enables TLSv1; allow only TLS 1.2 and TLS 1.3.",
            Results(log)[0].GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void Result_LocationIsRelativeToSourceRoot()
    {
        using var folder = new TemporaryFolder();
        using var log = Format(SampleFindings.Mixed(folder));
        var physical = Results(log)[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        var artifact = physical.GetProperty("artifactLocation");
        var region = physical.GetProperty("region");

        Assert.Equal("conf/nginx.conf", artifact.GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
        Assert.Equal(4, region.GetProperty("startLine").GetInt32());
        Assert.Equal(23, region.GetProperty("startColumn").GetInt32());
        Assert.Equal(4, region.GetProperty("endLine").GetInt32());
        Assert.Equal(28, region.GetProperty("endColumn").GetInt32());
    }

    [Fact]
    public void SourceRoot_IsAbsoluteFileUriEndingInSlash()
    {
        using var folder = new TemporaryFolder();
        using var log = Format(SampleFindings.Mixed(folder));
        var uri = Run(log).GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!;

        Assert.StartsWith("file:///", uri);
        Assert.EndsWith("/", uri);
        Assert.Equal(Path.GetFullPath(folder.Path).TrimEnd(Path.DirectorySeparatorChar), new Uri(uri).LocalPath.TrimEnd(Path.DirectorySeparatorChar));
    }

    [Fact]
    public void Uri_EscapesSpacesAndHashes()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("my conf/a#b%.conf", SampleFindings.NginxConf);
        var result = new LintResult(folder.Path, new[] { SampleFindings.LegacyTls(file, 4, 23) }, new LintNotification[0], new[] { file });
        using var log = Format(result);

        var uri = Results(log)[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();

        Assert.Equal("my%20conf/a%23b%25.conf", uri);
    }

    [Fact]
    public void PathOutsideBaseFolder_IsAbsoluteFileUriWithoutBaseId()
    {
        using var folder = new TemporaryFolder();
        using var other = new TemporaryFolder();
        var file = other.Write("nginx.conf", SampleFindings.NginxConf);
        var result = new LintResult(folder.Path, new[] { SampleFindings.LegacyTls(file, 4, 23) }, new LintNotification[0], new[] { file });
        using var log = Format(result);

        var artifact = Results(log)[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");

        Assert.Equal(new Uri(file).AbsoluteUri, artifact.GetProperty("uri").GetString());
        Assert.False(artifact.TryGetProperty("uriBaseId", out _));
    }

    [Fact]
    public void RelatedLocation_HasIdAndMessage()
    {
        using var folder = new TemporaryFolder();
        using var log = Format(SampleFindings.Mixed(folder));
        var related = Results(log)[0].GetProperty("relatedLocations").EnumerateArray().Single();

        Assert.Equal(1, related.GetProperty("id").GetInt32());
        Assert.Equal("The file is included here.", related.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(2, related.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Fingerprint_StableWhenLinesInsertedAbove()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("nginx.conf", SampleFindings.NginxConf);
        var before = FingerprintOf(folder.Path, SampleFindings.LegacyTls(file, 4, 23));

        File.WriteAllText(file, "# managed by deploy\nuser nginx;\n" + SampleFindings.NginxConf);
        var after = FingerprintOf(folder.Path, SampleFindings.LegacyTls(file, 6, 23));

        Assert.Equal(before, after);
    }

    [Fact]
    public void Fingerprint_ChangesWhenFindingLineChanges()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("nginx.conf", SampleFindings.NginxConf);
        var before = FingerprintOf(folder.Path, SampleFindings.LegacyTls(file, 4, 23));

        File.WriteAllText(file, SampleFindings.NginxConf.Replace("TLSv1 TLSv1.2", "TLSv1 TLSv1.1 TLSv1.2", StringComparison.Ordinal));
        var after = FingerprintOf(folder.Path, SampleFindings.LegacyTls(file, 4, 23));

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Fingerprint_CountsIdenticalLines()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("nginx.conf", "ssl_protocols TLSv1;\n  ssl_protocols   TLSv1;\n");
        var findings = new[] { SampleFindings.LegacyTls(file, 1, 15), SampleFindings.LegacyTls(file, 2, 19) };
        using var log = Format(new LintResult(folder.Path, findings, new LintNotification[0], new[] { file }));

        var fingerprints = Results(log)
            .Select(result => result.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!)
            .ToArray();

        Assert.Matches("^[0-9a-f]{16}:1$", fingerprints[0]);
        Assert.Equal(fingerprints[0].Replace(":1", ":2", StringComparison.Ordinal), fingerprints[1]);
    }

    [Fact]
    public void Notifications_AreToolExecutionNotifications()
    {
        using var folder = new TemporaryFolder();
        using var log = Format(SampleFindings.Mixed(folder));
        var invocation = Run(log).GetProperty("invocations").EnumerateArray().Single();
        var notifications = invocation.GetProperty("toolExecutionNotifications").EnumerateArray().ToArray();

        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.Equal(new[] { "path-not-found", "nginx-syntax" }, notifications.Select(n => n.GetProperty("descriptor").GetProperty("id").GetString()));
        Assert.All(notifications, n => Assert.Equal("error", n.GetProperty("level").GetString()));
        Assert.False(notifications[0].TryGetProperty("locations", out _));
        var syntax = notifications[1];
        Assert.Equal("unexpected \"}\".", syntax.GetProperty("message").GetProperty("text").GetString());
        var physical = syntax.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("conf/site%20one.conf", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(6, physical.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void EmptyResult_HasEmptyResultsAndSucceeds()
    {
        using var folder = new TemporaryFolder();
        using var log = Format(new LintResult(folder.Path, new Finding[0], new LintNotification[0], new string[0]));
        var run = Run(log);

        Assert.Equal(0, run.GetProperty("results").GetArrayLength());
        Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public void SuppressedFinding_HasInSourceSuppression()
    {
        using var folder = new TemporaryFolder();
        var result = SampleFindings.OneSuppressed(folder);

        using var log = Format(result);
        var results = Results(log);

        Assert.Equal(2, results.Length);
        var suppression = Assert.Single(results[0].GetProperty("suppressions").EnumerateArray());
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.Equal("legacy clients", suppression.GetProperty("justification").GetString());
        var physical = suppression.GetProperty("location").GetProperty("physicalLocation");
        Assert.Equal("nginx.conf", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(3, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.False(results[1].TryGetProperty("suppressions", out _), "An active result has a suppressions property.");
    }

    internal static string FormatText(LintResult result)
    {
        var writer = new StringWriter();
        new SarifFormatter().Write(result, writer);
        return writer.ToString();
    }

    private static string FingerprintOf(string baseDirectory, Finding finding)
    {
        using var log = Format(new LintResult(baseDirectory, new[] { finding }, new LintNotification[0], new[] { finding.Location.FilePath }));
        return Results(log)[0].GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!;
    }

    private static JsonDocument Format(LintResult result) => JsonDocument.Parse(FormatText(result));

    private static JsonElement Run(JsonDocument log) => log.RootElement.GetProperty("runs")[0];

    private static JsonElement[] Rules(JsonDocument log) =>
        Run(log).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();

    private static JsonElement[] Results(JsonDocument log) => Run(log).GetProperty("results").EnumerateArray().ToArray();
}
