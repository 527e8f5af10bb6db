using System;
using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Compose.Project;
using NetSecAnalyzers.ConfigLinter.Network;

namespace NetSecAnalyzers.ConfigLinter.Compose.Rules;

/// <summary>
/// Tells database, cache and search services apart from others, by the image's repository name or by a
/// database's well-known port in <c>ports</c> or <c>expose</c>.
/// </summary>
internal static class ServiceKinds
{
    /// <summary>Repository names (the part after the last slash, before the tag) and what they run. A name matches itself and names starting with it and a dash.</summary>
    private static readonly (string Name, string Product)[] DatabaseImages =
    {
        ("postgres", "PostgreSQL"), ("postgresql", "PostgreSQL"), ("postgis", "PostgreSQL"), ("timescaledb", "PostgreSQL"),
        ("mysql", "MySQL"), ("mariadb", "MariaDB"), ("percona", "MySQL"), ("percona-server", "MySQL"),
        ("mongo", "MongoDB"), ("mongodb", "MongoDB"),
        ("redis", "Redis"), ("valkey", "Valkey"), ("keydb", "KeyDB"), ("memcached", "Memcached"),
        ("elasticsearch", "Elasticsearch"), ("opensearch", "OpenSearch"),
        ("couchdb", "CouchDB"), ("couchbase", "Couchbase"), ("cassandra", "Cassandra"), ("scylla", "ScyllaDB"),
        ("influxdb", "InfluxDB"), ("neo4j", "Neo4j"), ("clickhouse", "ClickHouse"), ("clickhouse-server", "ClickHouse"),
        ("cockroach", "CockroachDB"), ("arangodb", "ArangoDB"), ("rethinkdb", "RethinkDB"),
        ("oracle-xe", "Oracle Database"), ("oracle-free", "Oracle Database"),
    };

    /// <summary>The default ports of the databases above; a service that publishes or exposes one is taken for a database.</summary>
    private static readonly HashSet<int> DatabasePorts = new() { 5432, 3306, 1433, 1521, 6379, 27017, 9200, 9300, 11211, 5984, 8086, 9042 };

    /// <summary>Returns the product a service's image runs when it is a database, such as <c>PostgreSQL</c>; null otherwise.</summary>
    public static string? DatabaseImage(ComposeService service)
    {
        var image = ComposeValues.Text(service.Definition.Get("image"));
        if (image is null || !ComposeValues.IsKnown(image))
        {
            return null;
        }

        var repository = image.ToLowerInvariant();
        var digest = repository.IndexOf('@');
        if (digest >= 0)
        {
            repository = repository.Substring(0, digest);
        }

        var slash = repository.LastIndexOf('/');
        var tag = repository.LastIndexOf(':');
        if (tag > slash)
        {
            repository = repository.Substring(0, tag);
        }

        if (repository.Contains("mssql"))
        {
            return "SQL Server";
        }

        var name = repository.Substring(repository.LastIndexOf('/') + 1);
        if (repository.Contains("oracle") && name.Contains("database"))
        {
            return "Oracle Database";
        }

        foreach (var (imageName, product) in DatabaseImages)
        {
            if (name == imageName || name.StartsWith(imageName + "-", StringComparison.Ordinal))
            {
                return product;
            }
        }

        return null;
    }

    /// <summary>Returns whether the service is a database: by its image, or by a database port among the sensitive ports that it publishes or exposes.</summary>
    public static bool IsDatabase(ComposeService service, ComposeRuleContext context)
    {
        if (DatabaseImage(service) is not null)
        {
            return true;
        }

        var ports = context.Options.SensitivePorts.Where(DatabasePorts.Contains).ToList();
        if (context.Ports(service).Any(mapping => mapping.Target is { } target && ports.Any(target.Contains)))
        {
            return true;
        }

        return ComposeValues.Items(service.Definition.Get("expose"))
            .Select(ComposeValues.Text)
            .Any(text => text is not null && PortRange.TryParseDocker(text.Split('/')[0], out var range) && ports.Any(range.Contains));
    }
}
