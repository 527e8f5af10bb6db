using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace NetSecAnalyzers.Benchmarks;

/// <summary>
/// Writes a seeded set of host firewall files: per host, a provisioning script of ufw and iptables
/// commands, ufw's <c>user.rules</c>, <c>ufw.conf</c>, <c>/etc/default/ufw</c> and an <c>iptables-save</c>
/// <c>rules.v4</c>. About one rule in twenty opens a database port or SSH to any address, so the rules report
/// findings as they would on real input.
/// </summary>
internal sealed class FirewallConfigGenerator
{
    private static readonly int[] Ports = { 22, 80, 443, 5432, 3306, 6379, 8080, 8443, 9100, 25, 53, 123, 27017, 9200 };
    private static readonly string[] Networks = { "10.0.0.0/8", "192.168.10.0/24", "172.16.0.0/12", "203.0.113.0/24", "2001:db8::/32" };

    private readonly Random random;

    public FirewallConfigGenerator(int seed) => random = new Random(seed);

    /// <summary>Writes hosts under <paramref name="folder"/> until at least <paramref name="bytes"/> are written; returns the bytes written.</summary>
    public long Generate(string folder, long bytes)
    {
        long written = 0;
        for (var host = 0; written < bytes; host++)
        {
            var root = Path.Combine(folder, "host" + host.ToString("D5", CultureInfo.InvariantCulture));
            written += Write(Path.Combine(root, "deploy", "setup-firewall.sh"), Script());
            written += Write(Path.Combine(root, "etc", "ufw", "user.rules"), UserRules());
            written += Write(Path.Combine(root, "etc", "ufw", "ufw.conf"), "ENABLED=" + (Chance(10) ? "no" : "yes") + "\nLOGLEVEL=low\n");
            written += Write(Path.Combine(root, "etc", "default", "ufw"), "IPV6=yes\nDEFAULT_INPUT_POLICY=\"" + (Chance(10) ? "ACCEPT" : "DROP") + "\"\nDEFAULT_OUTPUT_POLICY=\"ACCEPT\"\n");
            written += Write(Path.Combine(root, "etc", "iptables", "rules.v4"), IptablesSave());
        }

        return written;
    }

    private static long Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return Encoding.UTF8.GetByteCount(text);
    }

    private bool Chance(int percent) => random.Next(100) < percent;

    private int Port() => Chance(5) ? Ports[random.Next(Ports.Length)] : 10000 + random.Next(50000);

    private string Network() => Networks[random.Next(Networks.Length)];

    private string Script()
    {
        var text = new StringBuilder("#!/bin/bash\n# Host firewall, written by the benchmark generator.\nset -euo pipefail\n\nsudo ufw --force reset\n");
        text.Append("sudo ufw default ").Append(Chance(10) ? "allow" : "deny").Append(" incoming\nsudo ufw default allow outgoing\n");
        var rules = 150 + random.Next(100);
        for (var i = 0; i < rules; i++)
        {
            switch (random.Next(6))
            {
                case 0:
                    text.Append("sudo ufw allow ").Append(Port()).Append("/tcp comment 'service ").Append(i).Append("'\n");
                    break;
                case 1:
                    text.Append("sudo ufw allow from ").Append(Network()).Append(" to any port ").Append(Port()).Append(" proto tcp\n");
                    break;
                case 2:
                    text.Append("sudo ufw deny in on eth0 to any port ").Append(Port()).Append(" proto udp\n");
                    break;
                case 3:
                    text.Append("iptables -A INPUT -p tcp -s ").Append(Chance(50) ? "0.0.0.0/0" : "10.0.0.0/8").Append(" \\\n    --dport ").Append(Port()).Append(" -m conntrack --ctstate NEW -j ACCEPT\n");
                    break;
                case 4:
                    text.Append("echo \"configuring rule ").Append(i).Append("\" >> /var/log/provision.log\n");
                    break;
                default:
                    text.Append("sudo ufw limit ").Append(Port()).Append("/tcp\n");
                    break;
            }
        }

        text.Append("iptables -A INPUT -j DROP\nsudo ufw --force enable\n");
        return text.ToString();
    }

    private string UserRules()
    {
        var text = new StringBuilder("*filter\n:ufw-user-input - [0:0]\n:ufw-user-output - [0:0]\n### RULES ###\n\n");
        var rules = 150 + random.Next(100);
        for (var i = 0; i < rules; i++)
        {
            var port = Port();
            var source = Chance(50) ? "0.0.0.0/0" : Network();
            if (source.Contains(':'))
            {
                source = "10.0.0.0/8";
            }

            var action = Chance(20) ? "deny" : "allow";
            text.Append("### tuple ### ").Append(action).Append(" tcp ").Append(port).Append(" 0.0.0.0/0 any ").Append(source).Append(" in\n");
            text.Append("-A ufw-user-input -p tcp --dport ").Append(port);
            if (source != "0.0.0.0/0")
            {
                text.Append(" -s ").Append(source);
            }

            text.Append(" -j ").Append(action == "deny" ? "DROP" : "ACCEPT").Append("\n\n");
        }

        return text.Append("### END RULES ###\nCOMMIT\n").ToString();
    }

    private string IptablesSave()
    {
        var text = new StringBuilder("# Generated by iptables-save v1.8.9\n*filter\n:INPUT ").Append(Chance(10) ? "ACCEPT" : "DROP").Append(" [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n");
        text.Append("-A INPUT -i lo -j ACCEPT\n-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n");
        var rules = 200 + random.Next(100);
        for (var i = 0; i < rules; i++)
        {
            text.Append("-A INPUT -p tcp -m tcp --dport ").Append(Port());
            if (Chance(50))
            {
                text.Append(" -s ").Append(Networks[random.Next(3)]);
            }

            text.Append(" -m comment --comment \"rule ").Append(i).Append("\" -j ").Append(Chance(15) ? "DROP" : "ACCEPT").Append('\n');
        }

        return text.Append("COMMIT\n").ToString();
    }
}
