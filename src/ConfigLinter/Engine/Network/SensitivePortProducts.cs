using System.Collections.Generic;
using System.Globalization;

namespace NetSecAnalyzers.ConfigLinter.Network;

/// <summary>
/// What usually listens on each default sensitive port, so that the firewall and compose findings of
/// NETSEC051 name the same product for the same port. The NETSEC051 page lists the same table, and a
/// test keeps the two in step.
/// </summary>
internal static class SensitivePortProducts
{
    private static readonly Dictionary<int, string> Products = new()
    {
        [1433] = "Microsoft SQL Server",
        [1521] = "Oracle Database",
        [2375] = "Docker Engine API without TLS",
        [2376] = "Docker Engine API with TLS",
        [3306] = "MySQL and MariaDB",
        [5432] = "PostgreSQL",
        [5984] = "CouchDB",
        [6379] = "Redis",
        [8086] = "InfluxDB",
        [9042] = "Cassandra",
        [9200] = "Elasticsearch and OpenSearch",
        [9300] = "Elasticsearch transport",
        [11211] = "Memcached",
        [15672] = "RabbitMQ management",
        [27017] = "MongoDB",
    };

    /// <summary>Every port with a known product, for the test that compares them with the rule's page.</summary>
    internal static IReadOnlyDictionary<int, string> All => Products;

    /// <summary>Returns the product usually behind <paramref name="port"/>, or null when the port is not in the table.</summary>
    public static string? ProductFor(int port) => Products.TryGetValue(port, out var product) ? product : null;

    /// <summary>Writes a port for a message with its product when known: <c>5432 (PostgreSQL)</c>.</summary>
    public static string Describe(int port) =>
        ProductFor(port) is { } product
            ? port.ToString(CultureInfo.InvariantCulture) + " (" + product + ")"
            : port.ToString(CultureInfo.InvariantCulture);
}
