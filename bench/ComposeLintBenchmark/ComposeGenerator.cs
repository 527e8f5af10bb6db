using System;
using System.IO;
using System.Text;

namespace NetSecAnalyzers.Benchmarks;

/// <summary>
/// Writes seeded compose projects: a <c>compose.yaml</c> with anchors, merge keys, interpolation, an
/// <c>extends</c> of a shared file and every port form, a <c>compose.override.yaml</c> and a <c>.env</c>.
/// About a third of the services publish on all interfaces or set a risky option, so the rules report.
/// </summary>
internal sealed class ComposeGenerator
{
    private static readonly string[] Images =
    {
        "postgres:16", "redis:7", "registry.example.com/shop-api:2.3", "nginx:1.27", "mariadb:11",
        "registry.example.com/worker:1.4", "traefik:v3.1", "curlimages/curl:8.10.1",
    };

    private readonly Random random;

    public ComposeGenerator(int seed) => random = new Random(seed);

    /// <summary>Writes projects under <paramref name="folder"/> until at least <paramref name="bytes"/> are written; returns the bytes written.</summary>
    public long Generate(string folder, long bytes)
    {
        long written = 0;
        for (var project = 0; written < bytes; project++)
        {
            var projectFolder = Path.Combine(folder, "stack" + project.ToString("D5"));
            Directory.CreateDirectory(projectFolder);
            written += Write(Path.Combine(projectFolder, "compose.yaml"), MainFile(project));
            written += Write(Path.Combine(projectFolder, "compose.override.yaml"), OverrideFile());
            written += Write(Path.Combine(projectFolder, "common.yaml"), CommonFile());
            written += Write(Path.Combine(projectFolder, ".env"), "BIND=0.0.0.0\nAPI_PORT=8080\nTLS_MODE=1\n");
        }

        return written;
    }

    private static long Write(string path, string text)
    {
        File.WriteAllText(path, text);
        return Encoding.UTF8.GetByteCount(text);
    }

    private string MainFile(int project)
    {
        var text = new StringBuilder();
        text.Append("# Stack ").Append(project).Append(", generated.\n");
        text.Append("x-defaults: &defaults\n  restart: unless-stopped\n  logging:\n    driver: json-file\n    options:\n      max-size: 10m\n");
        text.Append("services:\n");
        var services = random.Next(20, 40);
        for (var i = 0; i < services; i++)
        {
            var image = Images[random.Next(Images.Length)];
            text.Append("  svc").Append(i).Append(":\n    <<: *defaults\n    image: ").Append(image).Append('\n');
            if (i == 0)
            {
                text.Append("    extends:\n      file: common.yaml\n      service: base\n");
            }

            text.Append("    ports:\n");
            for (var p = random.Next(1, 4); p > 0; p--)
            {
                text.Append("      - ").Append(PortEntry()).Append('\n');
            }

            text.Append("    environment:\n      TLS_MODE: ${TLS_MODE:-1}\n      LOG_LEVEL: info\n");
            if (random.Next(10) == 0)
            {
                text.Append("      NODE_TLS_REJECT_UNAUTHORIZED: \"0\"\n");
            }

            text.Append("    networks: [").Append(random.Next(2) == 0 ? "edge" : "edge, data").Append("]\n");
            if (random.Next(12) == 0)
            {
                text.Append("    cap_add: [NET_ADMIN]\n");
            }

            text.Append("    command: [\"serve\", \"--port\", \"8080\"]\n");
            text.Append("    healthcheck:\n      test: [\"CMD-SHELL\", \"curl -fsS http://localhost:8080/health || exit 1\"]\n      interval: 30s\n");
        }

        text.Append("networks:\n  edge: {}\n  data:\n    internal: ").Append(random.Next(3) == 0 ? "false" : "true").Append('\n');
        return text.ToString();
    }

    private string PortEntry()
    {
        var port = random.Next(1024, 60000);
        return random.Next(7) switch
        {
            0 => "\"" + port + ":80\"",
            1 => "\"127.0.0.1:" + port + ":8080\"",
            2 => "\"${BIND}:" + port + ":443\"",
            3 => "\"[::1]:" + port + ":" + port + "/udp\"",
            4 => "\"" + port + "-" + (port + 2) + ":9000-9002\"",
            5 => "{ target: 8080, published: \"" + port + "\", host_ip: 127.0.0.1 }",
            _ => "\"127.0.0.1:${API_PORT}:8080\"",
        };
    }

    private string OverrideFile() =>
        "services:\n  svc1:\n    ports:\n      - \"127.0.0.1:" + random.Next(1024, 60000) + ":9090\"\n    environment:\n      - DEBUG=1\n";

    private static string CommonFile() =>
        "services:\n  base:\n    image: registry.example.com/base:1\n    cap_drop: [ALL]\n    read_only: true\n";
}
