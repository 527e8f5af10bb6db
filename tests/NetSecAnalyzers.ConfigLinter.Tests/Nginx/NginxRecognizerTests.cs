using System;
using NetSecAnalyzers.ConfigLinter.Nginx;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

public class NginxRecognizerTests
{
    [Theory]
    [InlineData("etc/nginx/nginx.conf", "")]
    [InlineData("deploy/nginx/app.conf", "")]
    [InlineData("etc/nginx/sites-enabled/site.conf", "")]
    [InlineData("conf.d/default.conf", "# empty\n")]
    [InlineData("conf.d/latin1.conf", "# caf\u00e9 \u00ff\n")]
    [InlineData("site.nginx", "")]
    [InlineData("templates/default.conf.template", "")]
    public void ByName_IsNginx(string path, string text)
    {
        Assert.True(NginxLinter.IsNginxConfiguration(path, text));
    }

    [Theory]
    [InlineData("app.conf", "# proxy\nserver {\n  listen 80;\n}\n")]
    [InlineData("default", "server { listen 80 default_server; }")]
    [InlineData("main.conf", "user www-data;\nworker_processes auto;\nevents {}\n")]
    [InlineData("main.conf", "load_module modules/x.so;\n")]
    [InlineData("upstreams.conf", "upstream app { server 127.0.0.1:8080; }")]
    public void ByContent_IsNginx(string path, string text)
    {
        Assert.True(NginxLinter.IsNginxConfiguration(path, text));
    }

    [Theory]
    [InlineData("httpd/conf.d/site.conf", "<VirtualHost *:80>\n  ServerName example.com\n</VirtualHost>\n")]
    [InlineData("app.conf", "[server]\nport = 80\n")]
    [InlineData("app.conf", "server:\n  port: 80\n")]
    [InlineData("sysctl.conf", "net.ipv4.ip_forward = 1\n")]
    [InlineData("server.yaml", "server { listen 80; }")]
    [InlineData("app.conf", "")]
    [InlineData("conf.d/nul.conf", "\0\u0001\u0002binary\0")]
    [InlineData("etc/nginx/nginx.conf", "events {}\n\0")]
    [InlineData("default", "server { listen 80; }\0")]
    public void OtherFiles_AreNotNginx(string path, string text)
    {
        Assert.False(NginxLinter.IsNginxConfiguration(path, text));
    }

    [Theory]
    [InlineData("etc/nginx/nginx.conf", "events {}\n", true)]
    [InlineData("etc/nginx/nginx.conf", "events {}\n\0", false)]
    [InlineData("deploy/Sites-Enabled/site.conf", "server {}\n", true)]
    [InlineData("etc/nginx/conf.d/sub/site.conf", "server {}\n", true)]
    [InlineData("C:\\nginx\\conf\\site.conf", "server {}\n", true)]
    [InlineData("site.nginx", "", true)]
    [InlineData("templates/default.conf.template", "", true)]
    [InlineData("httpd/conf.d/site.conf", "  <VirtualHost *:80>\n</VirtualHost>\n", null)]
    [InlineData("etc/nginx/snippets/tls.conf", "ssl_protocols TLSv1.2;\n", true)]
    [InlineData("deploy/snippets/tls.conf", "ssl_protocols TLSv1.2;\n", null)]
    [InlineData("/site.conf", "server {}\n", null)]
    [InlineData("nginx", "server {}\n", null)]
    [InlineData("default", "server { listen 80; }", null)]
    [InlineData("compose.yaml", "services:\n  web: {}\n", null)]
    [InlineData("compose.yaml", "\0", false)]
    public void FromPrefix_AgreesWithFullCheck(string path, string text, bool? expected)
    {
        var fromPrefix = NginxRecognizer.RecognizeFromPrefix(path, text.AsSpan());

        Assert.Equal(expected, fromPrefix);
        if (fromPrefix is { } decided)
        {
            Assert.Equal(NginxLinter.IsNginxConfiguration(path, text), decided);
        }
    }
}
