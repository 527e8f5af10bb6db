using System;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Configuration;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Tests.Configuration;

public sealed class NetsecConfigFileTests
{
    private const string FilePath = "/repo/.netsec.ini";

    [Fact]
    public void AllKeys_AreRead()
    {
        var file = NetsecConfigFile.Parse(FilePath, """
            netsec.nginx_version = 1.28.0
            netsec.nginx_prefix = /usr/local/nginx/conf/
            netsec.hsts_min_max_age = 63072000
            netsec.auth_paths = session , api/keys
            netsec.sensitive_ports = 8080, 9000-9002
            """);

        Assert.Empty(file.Notifications);
        Assert.Equal(new Version(1, 28, 0), file.NginxVersion);
        Assert.Equal("/usr/local/nginx/conf/", file.NginxPrefix);
        Assert.Equal(63072000, file.HstsMinimumMaxAge);
        Assert.Equal(new[] { "session", "api/keys" }, file.AuthenticationPathPatterns);
        Assert.Equal(new[] { 8080, 9000, 9001, 9002 }, file.SensitivePorts);
    }

    [Fact]
    public void ApplyTo_KeepsUnsetDefaults()
    {
        var options = new LintOptions();

        NetsecConfigFile.Parse(FilePath, "netsec.hsts_min_max_age = 600\n").ApplyTo(options);

        Assert.Equal(600, options.HstsMinimumMaxAge);
        Assert.Equal(LintOptions.DefaultNginxVersion, options.NginxVersion);
        Assert.Equal(LintOptions.DefaultNginxPrefix, options.NginxPrefix);
        Assert.Same(LintOptions.DefaultAuthenticationPathPatterns, options.AuthenticationPathPatterns);
        Assert.Same(LintOptions.DefaultSensitivePorts, options.SensitivePorts);
    }

    [Theory]
    [InlineData("5432,,6379")]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("9100-9000")]
    [InlineData("postgres")]
    public void InvalidSensitivePorts_IsReportedAndIgnored(string value)
    {
        var file = NetsecConfigFile.Parse(FilePath, "netsec.sensitive_ports = " + value + "\n");

        var notification = Assert.Single(file.Notifications);
        Assert.Equal("Invalid netsec.sensitive_ports '" + value + "': expected comma-separated ports from 1 to 65535 or ranges such as 5432,6379,9000-9100.", notification.Message);
        Assert.Equal(26, notification.Location!.StartColumn);
        Assert.Null(file.SensitivePorts);
    }

    [Fact]
    public void CrLfCommentsAndSections_AreSkipped()
    {
        var file = NetsecConfigFile.Parse(FilePath, "# a\r\n; b\r\n[*.{conf,ini}]\r\nNetSec.Nginx_Version=1.27.3\r\n");

        Assert.Empty(file.Notifications);
        Assert.Equal(new Version(1, 27, 3), file.NginxVersion);
    }

    [Fact]
    public void LaterLine_OverridesEarlierLine()
    {
        var file = NetsecConfigFile.Parse(FilePath, "netsec.nginx_version = 1.24.0\nnetsec.nginx_version = 1.28.0\n");

        Assert.Equal(new Version(1, 28, 0), file.NginxVersion);
    }

    [Fact]
    public void UnknownKey_WarnsAtKey()
    {
        var file = NetsecConfigFile.Parse(FilePath, "\n  indent_style = space\n");

        var notification = Assert.Single(file.Notifications);
        Assert.Equal(ConfigNotificationCodes.UnknownKey, notification.Code);
        Assert.Equal(NotificationLevel.Warning, notification.Level);
        Assert.Equal(new SourceLocation(FilePath, 2, 3, 2, 15), notification.Location);
    }

    [Fact]
    public void InvalidValue_ErrsAtValueAndKeepsDefault()
    {
        var file = NetsecConfigFile.Parse(FilePath, "netsec.nginx_prefix = nginx/ # deployment\n");

        var notification = Assert.Single(file.Notifications);
        Assert.Equal(ConfigNotificationCodes.InvalidValue, notification.Code);
        Assert.Equal(NotificationLevel.Error, notification.Level);
        Assert.Equal("Invalid netsec.nginx_prefix 'nginx/ # deployment': expected an absolute folder path such as /etc/nginx/.", notification.Message);
        Assert.Equal(new SourceLocation(FilePath, 1, 23, 1, 42), notification.Location);
        Assert.Null(file.NginxPrefix);
    }

    [Fact]
    public void EmptyValue_IsInvalid()
    {
        var file = NetsecConfigFile.Parse(FilePath, "netsec.auth_paths =\n");

        var notification = Assert.Single(file.Notifications);
        Assert.Equal(ConfigNotificationCodes.InvalidValue, notification.Code);
        Assert.Equal(1, notification.Location!.StartLine);
        Assert.Equal(20, notification.Location.StartColumn);
    }

    [Theory]
    [InlineData("netsec.nginx_version\n", "Expected 'key = value', a comment or a section header.")]
    [InlineData("= 1.28.0\n", "Expected a key before '='.")]
    [InlineData("[*.conf\n", "Section header without a closing ']'.")]
    public void MalformedLine_IsSyntaxError(string text, string message)
    {
        var file = NetsecConfigFile.Parse(FilePath, text);

        var notification = Assert.Single(file.Notifications);
        Assert.Equal(ConfigNotificationCodes.Syntax, notification.Code);
        Assert.Equal(message, notification.Message);
        Assert.Equal(1, notification.Location!.StartColumn);
        Assert.Null(file.NginxVersion);
    }

    [Fact]
    public void EqualsInValue_BelongsToValue()
    {
        var file = NetsecConfigFile.Parse(FilePath, "netsec.auth_paths = a=b\n");

        Assert.Empty(file.Notifications);
        Assert.Equal("a=b", file.AuthenticationPathPatterns!.Single());
    }
}
