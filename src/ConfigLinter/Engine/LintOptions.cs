using System;

namespace NetSecAnalyzers.ConfigLinter;

/// <summary>Settings that change what the rules assume about the deployment.</summary>
public sealed class LintOptions
{
    /// <summary>
    /// The nginx version assumed when none is given: 1.24.0, the version Ubuntu 24.04 LTS ships. Its
    /// defaults still enable TLSv1 and TLSv1.1, so a server that relies on them is reported.
    /// </summary>
    public static readonly Version DefaultNginxVersion = new(1, 24, 0);

    /// <summary>The nginx version whose built-in defaults the nginx rules assume.</summary>
    public Version NginxVersion { get; set; } = DefaultNginxVersion;
}
