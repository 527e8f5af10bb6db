using System.Linq;
using NetSecAnalyzers.ConfigLinter.Compose;
using NetSecAnalyzers.ConfigLinter.Compose.Yaml;
using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Tests.Compose;

/// <summary>
/// The short and long port syntaxes, each with what Docker's parser makes of it: the host address, the
/// host ports (empty for a random port), the container ports and the protocol.
/// </summary>
public class PortParserTests
{
    [Theory]
    [InlineData("\"80\"", "", "AllInterfaces", "", "80", "tcp")]
    [InlineData("80", "", "AllInterfaces", "", "80", "tcp")]
    [InlineData("\"8080:80\"", "", "AllInterfaces", "8080", "80", "tcp")]
    [InlineData("8080:80", "", "AllInterfaces", "8080", "80", "tcp")]
    [InlineData("\"8000-8010:8000-8010\"", "", "AllInterfaces", "8000-8010", "8000-8010", "tcp")]
    [InlineData("\"9090-9091:8080\"", "", "AllInterfaces", "9090-9091", "8080", "tcp")]
    [InlineData("\"3000-3005\"", "", "AllInterfaces", "", "3000-3005", "tcp")]
    [InlineData("\"127.0.0.1:8001:8001\"", "127.0.0.1", "Loopback", "8001", "8001", "tcp")]
    [InlineData("\"127.0.0.1:5000-5010:5000-5010\"", "127.0.0.1", "Loopback", "5000-5010", "5000-5010", "tcp")]
    [InlineData("\"127.0.0.1::5000\"", "127.0.0.1", "Loopback", "", "5000", "tcp")]
    [InlineData("\"0.0.0.0:53:53/udp\"", "0.0.0.0", "AllInterfaces", "53", "53", "udp")]
    [InlineData("\"6060:6060/udp\"", "", "AllInterfaces", "6060", "6060", "udp")]
    [InlineData("\"5000/SCTP\"", "", "AllInterfaces", "", "5000", "sctp")]
    [InlineData("\"[::1]:6001:6001\"", "::1", "Loopback", "6001", "6001", "tcp")]
    [InlineData("\"[::]:80:80\"", "::", "AllInterfaces", "80", "80", "tcp")]
    [InlineData("\":::80:80\"", "::", "AllInterfaces", "80", "80", "tcp")]
    [InlineData("\"::1:6002:6002\"", "::1", "Loopback", "6002", "6002", "tcp")]
    [InlineData("\"10.0.20.5:443:8443\"", "10.0.20.5", "Specific", "443", "8443", "tcp")]
    [InlineData("\"8080:80/\"", "", "AllInterfaces", "8080", "80", "tcp")]
    public void ShortSyntax_ParsesAsDocker(string yaml, string address, string kind, string published, string target, string protocol)
    {
        var mapping = ParseSingle("ports:\n  - " + yaml + "\n");

        Assert.Equal(address, mapping.HostAddress ?? string.Empty);
        Assert.Equal(kind, mapping.AddressKind.ToString());
        Assert.Equal(published, mapping.Published?.ToString('-') ?? string.Empty);
        Assert.Equal(target, mapping.Target?.ToString('-'));
        Assert.Equal(protocol, mapping.Protocol);
    }

    [Theory]
    [InlineData("target: 80\n    published: 8080", "", "AllInterfaces", "8080", "80", "tcp")]
    [InlineData("target: 80\n    published: \"8080\"", "", "AllInterfaces", "8080", "80", "tcp")]
    [InlineData("target: 80\n    published: 8080-8081\n    protocol: udp", "", "AllInterfaces", "8080-8081", "80", "udp")]
    [InlineData("target: 80", "", "AllInterfaces", "", "80", "tcp")]
    [InlineData("target: 80\n    host_ip: 127.0.0.1\n    published: 8080\n    mode: host", "127.0.0.1", "Loopback", "8080", "80", "tcp")]
    [InlineData("target: 80\n    host_ip: \"::\"\n    published: 8080", "::", "AllInterfaces", "8080", "80", "tcp")]
    [InlineData("target: 80\n    host_ip: ${BIND}\n    published: 8080", "\uE000", "Unknown", "8080", "80", "tcp")]
    public void LongSyntax_ParsesAsDocker(string yaml, string address, string kind, string published, string target, string protocol)
    {
        var mapping = ParseSingle("ports:\n  - " + yaml + "\n");

        Assert.Equal(address, mapping.HostAddress ?? string.Empty);
        Assert.Equal(kind, mapping.AddressKind.ToString());
        Assert.Equal(published, mapping.Published?.ToString('-') ?? string.Empty);
        Assert.Equal(target, mapping.Target?.ToString('-'));
        Assert.Equal(protocol, mapping.Protocol);
    }

    [Theory]
    [InlineData("\"localhost:8080:80\"", "invalid host address 'localhost'")]
    [InlineData("\"1:8080:80\"", "invalid host address '1'")]
    [InlineData("\"8080:\"", "no container port")]
    [InlineData("\"8000-8002:9000-9001\"", "the host range 8000-8002 and the container range 9000-9001 differ in length")]
    [InlineData("\"80/icmp\"", "unknown protocol 'icmp'")]
    [InlineData("\"70000:80\"", "invalid host port '70000'")]
    public void InvalidShortSyntax_ReportsNotification(string yaml, string reason)
    {
        var diagnostics = new DiagnosticBag();
        var ports = Parse("ports:\n  - " + yaml + "\n", diagnostics);

        Assert.Empty(ports);
        var notification = Assert.Single(diagnostics.Notifications);
        Assert.Equal(ComposeNotificationCodes.InvalidPort, notification.Code);
        Assert.EndsWith(": " + reason + ".", notification.Message);
        Assert.Equal(2, notification.Location!.StartLine);
    }

    [Fact]
    public void UnknownHostPartOfTwoParts_AddressIsUnknown()
    {
        var mapping = ParseSingle("ports:\n  - \"${WEB_PORT}:80\"\n");

        Assert.Equal(HostAddressKind.Unknown, mapping.AddressKind);
        Assert.Null(mapping.Published);
    }

    private static PortMapping ParseSingle(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var ports = Parse(yaml, diagnostics);

        Assert.Empty(diagnostics.Notifications);
        return Assert.Single(ports);
    }

    private static System.Collections.Generic.IReadOnlyList<PortMapping> Parse(string yaml, DiagnosticBag diagnostics)
    {
        var read = YamlTreeReader.Read("compose.yaml", yaml, YamlLimits.Default, diagnostics);
        Assert.NotNull(read);
        var root = Assert.IsType<MappingNode>(read!.Documents.Single());
        return PortParser.Parse(root.Get("ports"), diagnostics);
    }
}
