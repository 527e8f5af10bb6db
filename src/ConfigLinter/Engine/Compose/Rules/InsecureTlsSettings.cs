using System;
using System.Collections.Generic;
using System.Linq;

namespace NetSecAnalyzers.ConfigLinter.Compose.Rules;

/// <summary>
/// The environment variables and command-line flags that turn certificate verification off, each with
/// the value that does so, as the program that reads it checks it.
/// </summary>
internal static class InsecureTlsSettings
{
    /// <summary>
    /// Returns what an environment variable does when it turns verification off, and the fix; null when it does not.
    /// <c>DOCKER_TLS_VERIFY</c> is not listed: the Docker CLI verifies whenever it is set, even to 0.
    /// </summary>
    public static (string Effect, string Advice)? EnvironmentEffect(string name, string value)
    {
        var trimmed = value.Trim();
        if (name == "NODE_TLS_REJECT_UNAUTHORIZED" && trimmed == "0")
        {
            return ("makes Node.js accept any server certificate", "remove it and add the CA with NODE_EXTRA_CA_CERTS");
        }

        // git checks only that the variable is set, so even an empty or "false" value disables verification.
        if (name == "GIT_SSL_NO_VERIFY")
        {
            return ("makes git accept any server certificate, whatever its value", "remove it and add the CA with GIT_SSL_CAINFO");
        }

        if (name == "PYTHONHTTPSVERIFY" && trimmed == "0")
        {
            return ("makes Python's urllib and http.client skip certificate checks", "remove it and add the CA with SSL_CERT_FILE");
        }

        // npm reads its npm_config_ variables without regard to case, and takes "0" for false.
        if (string.Equals(name, "NPM_CONFIG_STRICT_SSL", StringComparison.OrdinalIgnoreCase)
            && (string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase) || trimmed == "0"))
        {
            return ("makes npm accept any registry certificate", "remove it and add the CA with NPM_CONFIG_CAFILE");
        }

        return null;
    }

    /// <summary>One program's flags that disable verification.</summary>
    private sealed class ProgramFlags
    {
        public ProgramFlags(string[] programs, string[] flags, string advice)
        {
            Programs = programs;
            Flags = flags;
            Advice = advice;
        }

        public string[] Programs { get; }

        /// <summary>Flags that disable verification on their own, or with <c>=true</c>; with <c>=false</c> they do not.</summary>
        public string[] Flags { get; }

        public string Advice { get; }
    }

    private static readonly ProgramFlags[] Table =
    {
        new(new[] { "curl" }, new[] { "--insecure", "-k", "--proxy-insecure" }, "remove it and pass the CA with --cacert"),
        new(new[] { "wget" }, new[] { "--no-check-certificate" }, "remove it and pass the CA with --ca-certificate"),
        new(new[] { "rclone" }, new[] { "--no-check-certificate" }, "remove it and pass the CA with --ca-cert"),
        new(new[] { "kubectl", "helm", "oc", "etcdctl" }, new[] { "--insecure-skip-tls-verify" }, "remove it and pass the CA with --certificate-authority"),
        new(new[] { "skopeo", "podman", "buildah" }, new[] { "--tls-verify=false", "--src-tls-verify=false", "--dest-tls-verify=false" }, "remove it and add the registry's CA to the trust store"),
        new(new[] { "mongo", "mongosh" }, new[] { "--tlsAllowInvalidCertificates", "--sslAllowInvalidCertificates", "--tlsAllowInvalidHostnames", "--tlsInsecure" }, "remove it and pass the CA with --tlsCAFile"),
        new(new[] { "grpcurl" }, new[] { "-insecure", "--insecure" }, "remove it and pass the CA with -cacert"),
        new(new[] { "mc" }, new[] { "--insecure" }, "remove it and add the CA to mc's certs/CAs folder"),
        new(new[] { "vault" }, new[] { "-tls-skip-verify", "--tls-skip-verify" }, "remove it and pass the CA with -ca-cert"),
        new(new[] { "aws" }, new[] { "--no-verify-ssl" }, "remove it and pass the CA with --ca-bundle"),
        new(new[] { "pip", "pip3" }, new[] { "--trusted-host" }, "remove it and pass the CA with --cert"),
        new(new[] { "npm", "yarn", "pnpm" }, new[] { "--strict-ssl=false", "--no-strict-ssl" }, "remove it and pass the CA with --cafile"),
        new(new[] { "traefik" }, new[] { "--serverstransport.insecureskipverify", "--serversTransport.insecureSkipVerify" }, "remove it and give Traefik the backends' CA with serversTransport.rootCAs"),
    };

    /// <summary>curl's short options that take a value, so that a <c>k</c> after one of them in a cluster is that value, not <c>-k</c>.</summary>
    private const string CurlShortOptionsWithValue = "AbcCdDeEFHKmoPQrtTuUwxXyYz";

    /// <summary>
    /// Returns the first flag among <paramref name="arguments"/> that turns verification off for
    /// <paramref name="program"/> (a path or a bare name), with advice; null when there is none.
    /// </summary>
    public static (string Flag, string Advice)? FindFlag(string program, IReadOnlyList<string> arguments)
    {
        var name = ProgramName(program);
        var entry = Table.FirstOrDefault(candidate => candidate.Programs.Contains(name, StringComparer.Ordinal));
        if (entry is null)
        {
            return name == "git" ? FindGitConfig(arguments) : null;
        }

        foreach (var argument in arguments)
        {
            if (argument == "--")
            {
                break;
            }

            if (entry.Flags.Any(flag => MatchesFlag(argument, flag)))
            {
                return (argument, entry.Advice);
            }

            if (name == "curl" && IsCurlClusterWithK(argument))
            {
                return (argument, entry.Advice);
            }
        }

        return null;
    }

    /// <summary>Returns the file name of a program path without an extension, such as <c>curl</c> for <c>/usr/bin/curl</c>.</summary>
    public static string ProgramName(string program)
    {
        var name = program.Substring(program.LastIndexOf('/') + 1);
        return name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? name.Substring(0, name.Length - 4) : name;
    }

    private static bool MatchesFlag(string argument, string flag)
    {
        if (string.Equals(argument, flag, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (flag.IndexOf('=') >= 0 || !argument.StartsWith(flag + "=", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var value = argument.Substring(flag.Length + 1);
        return !(string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) || value == "0");
    }

    private static bool IsCurlClusterWithK(string argument)
    {
        if (argument.Length < 3 || argument[0] != '-' || argument[1] == '-')
        {
            return false;
        }

        for (var i = 1; i < argument.Length; i++)
        {
            if (argument[i] == 'k')
            {
                return true;
            }

            if (CurlShortOptionsWithValue.IndexOf(argument[i]) >= 0)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>git's <c>-c http.sslVerify=false</c>, with the key in any case.</summary>
    private static (string Flag, string Advice)? FindGitConfig(IReadOnlyList<string> arguments)
    {
        for (var i = 0; i + 1 < arguments.Count; i++)
        {
            if (arguments[i] == "-c" && arguments[i + 1].StartsWith("http.sslverify=", StringComparison.OrdinalIgnoreCase))
            {
                var value = arguments[i + 1].Substring("http.sslverify=".Length);
                if (value is "false" or "0" or "no" or "off" || string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
                {
                    return ("-c " + arguments[i + 1], "remove it and add the CA with http.sslCAInfo");
                }
            }
        }

        return null;
    }
}
