using System.IO;
using System.Linq;
using System.Text.Json;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Output;
using NetSecAnalyzers.ConfigLinter.Tests.Infrastructure;

namespace NetSecAnalyzers.ConfigLinter.Tests.Output;

public sealed class JsonFormatterTests
{
    [Fact]
    public void Report_HasVersionToolAndSummary()
    {
        using var folder = new TemporaryFolder();
        using var report = Format(SampleFindings.Mixed(folder));
        var root = report.RootElement;

        Assert.Equal(JsonFormatter.FormatVersion, root.GetProperty("version").GetInt32());
        Assert.Equal("netsec", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("errors").GetInt32());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("warnings").GetInt32());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("notes").GetInt32());
        Assert.Equal(2, root.GetProperty("summary").GetProperty("input").GetProperty("errors").GetInt32());
        Assert.Equal(new[] { "conf/nginx.conf", "conf/site one.conf" }, root.GetProperty("filesAnalyzed").EnumerateArray().Select(file => file.GetString()));
    }

    [Fact]
    public void Summary_CountsInputProblemsByLevel()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("nginx.conf", SampleFindings.NginxConf);
        var notifications = new[]
        {
            SampleFindings.SyntaxError(file, 6, 1),
            SampleFindings.ByteOrderMark(file),
            SampleFindings.ByteOrderMark(file),
            SampleFindings.UnrecognizedFile("notes.txt"),
        };
        using var report = Format(new LintResult(folder.Path, new Finding[0], notifications, new[] { file }));
        var input = report.RootElement.GetProperty("summary").GetProperty("input");

        Assert.Equal(1, input.GetProperty("errors").GetInt32());
        Assert.Equal(2, input.GetProperty("warnings").GetInt32());
        Assert.Equal(1, input.GetProperty("notes").GetInt32());
        Assert.False(report.RootElement.GetProperty("summary").TryGetProperty("readErrors", out _));
    }

    [Fact]
    public void Finding_HasRuleLevelMessageAndLocation()
    {
        using var folder = new TemporaryFolder();
        using var report = Format(SampleFindings.Mixed(folder));
        var finding = report.RootElement.GetProperty("findings")[0];

        Assert.Equal("NETSEC001", finding.GetProperty("ruleId").GetString());
        Assert.Equal("error", finding.GetProperty("level").GetString());
        Assert.Equal("ssl_protocols TLSv1 TLSv1.2 enables TLSv1; allow only TLS 1.2 and TLS 1.3", finding.GetProperty("message").GetString());
        var location = finding.GetProperty("location");
        Assert.Equal("conf/nginx.conf", location.GetProperty("path").GetString());
        Assert.Equal(4, location.GetProperty("startLine").GetInt32());
        Assert.Equal(23, location.GetProperty("startColumn").GetInt32());
        Assert.Equal(4, location.GetProperty("endLine").GetInt32());
        Assert.Equal(28, location.GetProperty("endColumn").GetInt32());
    }

    [Fact]
    public void Finding_ListsRelatedLocations()
    {
        using var folder = new TemporaryFolder();
        using var report = Format(SampleFindings.Mixed(folder));
        var related = report.RootElement.GetProperty("findings")[0].GetProperty("related").EnumerateArray().Single();

        Assert.Equal("The file is included here", related.GetProperty("message").GetString());
        Assert.Equal(2, related.GetProperty("location").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Notifications_KeepCodeAndNullLocation()
    {
        using var folder = new TemporaryFolder();
        using var report = Format(SampleFindings.Mixed(folder));
        var notifications = report.RootElement.GetProperty("notifications");

        Assert.Equal("path-not-found", notifications[0].GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, notifications[0].GetProperty("location").ValueKind);
        Assert.Equal("nginx-syntax", notifications[1].GetProperty("code").GetString());
        Assert.Equal("conf/site one.conf", notifications[1].GetProperty("location").GetProperty("path").GetString());
    }

    [Fact]
    public void SuppressedFinding_IsListedWithJustification()
    {
        using var folder = new TemporaryFolder();
        var result = SampleFindings.OneSuppressed(folder);

        using var report = Format(result);

        var summary = report.RootElement.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("errors").GetInt32());
        Assert.Equal(1, summary.GetProperty("suppressed").GetInt32());
        var listed = report.RootElement.GetProperty("findings").EnumerateArray().ToArray();
        Assert.Equal(2, listed.Length);
        var suppressed = listed[0].GetProperty("suppressed");
        Assert.Equal("inSource", suppressed.GetProperty("kind").GetString());
        Assert.Equal("legacy clients", suppressed.GetProperty("justification").GetString());
        Assert.Equal("nginx.conf", suppressed.GetProperty("location").GetProperty("path").GetString());
        Assert.Equal(3, suppressed.GetProperty("location").GetProperty("startLine").GetInt32());
        Assert.Equal(JsonValueKind.Null, listed[1].GetProperty("suppressed").ValueKind);
    }

    private static JsonDocument Format(LintResult result)
    {
        var writer = new StringWriter();
        new JsonFormatter().Write(result, writer);
        return JsonDocument.Parse(writer.ToString());
    }
}
