using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace NetSecAnalyzers.Benchmarks;

/// <summary>
/// Writes a deterministic set of nginx deployments: each has an nginx.conf that includes its snippets and
/// its sites, and every site file contains upstreams, a redirect server, TLS servers, headers and locations.
/// The mix of good and weak settings is there so that rules find something and report it, as on real input.
/// </summary>
internal sealed class ConfigGenerator
{
    private const int SitesPerDeployment = 100;

    private static readonly string[] Protocols =
    {
        "TLSv1.2 TLSv1.3", "TLSv1.3", "TLSv1 TLSv1.1 TLSv1.2", "TLSv1.2",
    };

    private static readonly string[] Ciphers =
    {
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384",
        "HIGH:!aNULL:!MD5",
        "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!SHA1",
        "DEFAULT:!EXPORT:!RC4",
    };

    private static readonly string[] Backends = { "app", "api", "auth", "static", "media", "search", "billing", "admin" };

    private readonly Random random;

    public ConfigGenerator(int seed) => random = new Random(seed);

    /// <summary>Writes deployments under <paramref name="folder"/> until at least <paramref name="minimumBytes"/> are written.</summary>
    public long Generate(string folder, long minimumBytes)
    {
        long written = 0;
        for (var deployment = 0; written < minimumBytes; deployment++)
        {
            var root = Path.Combine(folder, $"deployment-{deployment:D3}");
            Directory.CreateDirectory(Path.Combine(root, "sites-enabled"));
            Directory.CreateDirectory(Path.Combine(root, "snippets"));
            written += Write(Path.Combine(root, "nginx.conf"), MainFile(deployment));
            written += Write(Path.Combine(root, "snippets", "ssl-params.conf"), SslParameters());
            written += Write(Path.Combine(root, "snippets", "security-headers.conf"), SecurityHeaders());
            written += Write(Path.Combine(root, "snippets", "proxy.conf"), ProxySettings());
            for (var site = 0; site < SitesPerDeployment && written < minimumBytes; site++)
            {
                written += Write(Path.Combine(root, "sites-enabled", $"site-{site:D3}.conf"), SiteFile(deployment, site));
            }
        }

        return written;
    }

    private static long Write(string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        File.WriteAllBytes(path, bytes);
        return bytes.Length;
    }

    private static string MainFile(int deployment)
    {
        var text = new StringBuilder();
        text.Append("# Main configuration of generated deployment ").Append(deployment).Append('\n');
        text.Append("user www-data;\nworker_processes auto;\npid /run/nginx.pid;\n\n");
        text.Append("events {\n    worker_connections 1024;\n}\n\n");
        text.Append("http {\n");
        text.Append("    sendfile on;\n    tcp_nopush on;\n    types_hash_max_size 2048;\n    server_tokens off;\n");
        text.Append("    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n\n");
        text.Append("    access_log /var/log/nginx/access.log;\n    error_log /var/log/nginx/error.log;\n\n");
        text.Append("    limit_req_zone $binary_remote_addr zone=login:10m rate=5r/m;\n");
        text.Append("    limit_req_zone $binary_remote_addr zone=api:10m rate=50r/s;\n\n");
        text.Append("    gzip on;\n    gzip_types text/plain text/css application/json application/javascript;\n\n");
        text.Append("    include /etc/nginx/sites-enabled/*.conf;\n}\n");
        return text.ToString();
    }

    private string SslParameters()
    {
        var text = new StringBuilder();
        text.Append("# Shared TLS settings for every server of this deployment.\n");
        text.Append("ssl_protocols ").Append(Pick(Protocols)).Append(";\n");
        text.Append("ssl_ciphers '").Append(Pick(Ciphers)).Append("';\n");
        text.Append("ssl_prefer_server_ciphers on;\nssl_session_cache shared:SSL:10m;\nssl_session_timeout 1d;\n");
        text.Append("ssl_session_tickets off;\nssl_stapling on;\nssl_stapling_verify on;\n");
        return text.ToString();
    }

    private static string SecurityHeaders() =>
        "# Headers every response carries; a location with its own add_header must repeat them.\n"
        + "add_header Strict-Transport-Security \"max-age=63072000; includeSubDomains; preload\" always;\n"
        + "add_header X-Content-Type-Options nosniff always;\n"
        + "add_header X-Frame-Options DENY always;\n"
        + "add_header Referrer-Policy strict-origin-when-cross-origin always;\n"
        + "add_header Content-Security-Policy \"default-src 'self'; img-src 'self' data:; object-src 'none'\" always;\n";

    private static string ProxySettings() =>
        "# Forwarding headers for proxied locations.\n"
        + "proxy_http_version 1.1;\n"
        + "proxy_set_header Host $host;\n"
        + "proxy_set_header X-Real-IP $remote_addr;\n"
        + "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
        + "proxy_set_header X-Forwarded-Proto $scheme;\n"
        + "proxy_read_timeout 60s;\n";

    private string SiteFile(int deployment, int site)
    {
        var text = new StringBuilder(24 * 1024);
        var domain = $"site{site:D3}.d{deployment:D3}.example.com";
        text.Append("# Virtual hosts for ").Append(domain).Append(".\n# Generated for the lint benchmark; names and addresses are not real.\n\n");

        var upstreams = new List<string>();
        foreach (var backend in Backends)
        {
            var name = $"{backend}_{deployment}_{site}";
            upstreams.Add(name);
            text.Append("upstream ").Append(name).Append(" {\n");
            text.Append("    least_conn;\n");
            var servers = 2 + random.Next(4);
            for (var i = 0; i < servers; i++)
            {
                text.Append("    server 127.0.").Append(random.Next(256)).Append('.').Append(1 + random.Next(254))
                    .Append(':').Append(8000 + random.Next(1000)).Append(" max_fails=3 fail_timeout=30s;\n");
            }

            text.Append("    keepalive 32;\n}\n\n");
        }

        text.Append("server {\n    listen 80;\n    listen [::]:80;\n    server_name ").Append(domain).Append(" www.").Append(domain).Append(";\n");
        text.Append("    # Plain HTTP only redirects.\n    return 301 https://$host$request_uri;\n}\n\n");

        var servers443 = 3 + random.Next(3);
        for (var server = 0; server < servers443; server++)
        {
            AppendTlsServer(text, server == 0 ? domain : $"app{server}.{domain}", upstreams);
        }

        return text.ToString();
    }

    private void AppendTlsServer(StringBuilder text, string host, List<string> upstreams)
    {
        text.Append("server {\n    listen 443 ssl;\n    listen [::]:443 ssl;\n    http2 on;\n");
        text.Append("    server_name ").Append(host).Append(";\n\n");
        text.Append("    ssl_certificate /etc/ssl/certs/").Append(host).Append(".pem;\n");
        text.Append("    ssl_certificate_key /etc/ssl/private/").Append(host).Append(".key;\n");
        if (random.Next(4) == 0)
        {
            text.Append("    # This host still serves old clients.\n");
            text.Append("    ssl_protocols ").Append(Pick(Protocols)).Append(";\n");
            text.Append("    ssl_ciphers ").Append(Pick(Ciphers)).Append(";\n");
        }
        else
        {
            text.Append("    include /etc/nginx/snippets/ssl-params.conf;\n");
        }

        text.Append("    include /etc/nginx/snippets/security-headers.conf;\n\n");
        text.Append("    root /var/www/").Append(host).Append(";\n    index index.html;\n");
        text.Append("    client_max_body_size ").Append(1 + random.Next(50)).Append("m;\n\n");

        var locations = 6 + random.Next(10);
        for (var i = 0; i < locations; i++)
        {
            AppendLocation(text, i, upstreams);
        }

        text.Append("}\n\n");
    }

    private void AppendLocation(StringBuilder text, int index, List<string> upstreams)
    {
        var upstream = Pick(upstreams);
        switch (random.Next(7))
        {
            case 0:
                text.Append("    location / {\n        try_files $uri $uri/ /index.html;\n    }\n\n");
                break;
            case 1:
                text.Append("    location /api/v").Append(index).Append("/ {\n");
                text.Append("        limit_req zone=api burst=100 nodelay;\n");
                text.Append("        include /etc/nginx/snippets/proxy.conf;\n");
                text.Append("        proxy_pass http://").Append(upstream).Append(";\n    }\n\n");
                break;
            case 2:
                text.Append("    location = /login").Append(index).Append(" {\n");
                text.Append("        limit_req zone=login burst=5;\n");
                text.Append("        proxy_pass http://").Append(upstream).Append(";\n    }\n\n");
                break;
            case 3:
                text.Append("    location ~* \\.(css|js|png|jpg|svg|woff2)$ {\n");
                text.Append("        expires 30d;\n        add_header Cache-Control \"public, immutable\";\n");
                text.Append("        access_log off;\n    }\n\n");
                break;
            case 4:
                text.Append("    location /internal").Append(index).Append("/ {\n");
                text.Append("        allow 10.0.0.0/8;\n        deny all;\n");
                text.Append("        proxy_pass https://").Append(upstream).Append(";\n");
                text.Append("        proxy_ssl_verify ").Append(random.Next(2) == 0 ? "on" : "off").Append(";\n");
                text.Append("        proxy_ssl_trusted_certificate /etc/ssl/certs/internal-ca.pem;\n    }\n\n");
                break;
            case 5:
                text.Append("    location /media").Append(index).Append("/ {\n");
                text.Append("        alias /srv/media/;\n        autoindex ").Append(random.Next(3) == 0 ? "on" : "off").Append(";\n    }\n\n");
                break;
            default:
                text.Append("    # Health checks come from the load balancer only.\n");
                text.Append("    location = /healthz").Append(index).Append(" {\n        access_log off;\n        return 200 'ok';\n    }\n\n");
                break;
        }
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
