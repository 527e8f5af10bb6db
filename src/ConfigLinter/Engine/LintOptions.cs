using System;
using System.Collections.Generic;
using NetSecAnalyzers.Catalog;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter;

/// <summary>Settings that change what the rules assume about the deployment.</summary>
public sealed class LintOptions
{
    /// <summary>
    /// The nginx version assumed when none is given: 1.24.0, the version Ubuntu 24.04 LTS ships. Its
    /// defaults still enable TLSv1 and TLSv1.1, so a server that relies on them is reported.
    /// </summary>
    public static readonly Version DefaultNginxVersion = new(1, 24, 0);

    /// <summary>The configuration folder of Debian's, Ubuntu's and the official packages' nginx builds.</summary>
    public const string DefaultNginxPrefix = "/etc/nginx/";

    /// <summary>One year in seconds, the HSTS max-age that browser preload lists require.</summary>
    public const long DefaultHstsMinimumMaxAge = 31536000;

    /// <summary>
    /// The words and word sequences that mark a path as a sign-in, token or password-reset endpoint for
    /// NETSEC070, shared with the C# analyzer (see <see cref="AuthenticationPaths"/> for how they match).
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultAuthenticationPathPatterns = AuthenticationPaths.DefaultPatterns;

    /// <summary>
    /// The database, cache, search, message-broker and container-admin ports NETSEC051 treats as never
    /// meant for the open internet.
    /// </summary>
    public static readonly IReadOnlyList<int> DefaultSensitivePorts = new[]
    {
        5432, 3306, 1433, 1521, 6379, 27017, 9200, 9300, 11211, 5984, 2375, 2376, 15672, 8086, 9042,
    };

    private int maxDegreeOfParallelism = Environment.ProcessorCount;

    /// <summary>The nginx version whose built-in defaults the nginx rules assume.</summary>
    public Version NginxVersion { get; set; } = DefaultNginxVersion;

    /// <summary>
    /// The folder that contains <c>nginx.conf</c> on the machine nginx is deployed to. An absolute
    /// <c>include</c> under it is read from the same place under the folder of the linted main file, so
    /// <c>include /etc/nginx/sites-enabled/*;</c> reads the repository's <c>sites-enabled</c>, never this
    /// machine's. An empty value maps nothing.
    /// </summary>
    public string NginxPrefix { get; set; } = DefaultNginxPrefix;

    /// <summary>The shortest HSTS <c>max-age</c>, in seconds, that NETSEC033 accepts.</summary>
    public long HstsMinimumMaxAge { get; set; } = DefaultHstsMinimumMaxAge;

    /// <summary>The path patterns NETSEC070 takes as sign-in, token or password-reset endpoints.</summary>
    public IReadOnlyList<string> AuthenticationPathPatterns { get; set; } = DefaultAuthenticationPathPatterns;

    /// <summary>The ports NETSEC051 reports when a firewall or a published container port opens them to any address.</summary>
    public IReadOnlyList<int> SensitivePorts { get; set; } = DefaultSensitivePorts;

    /// <summary>
    /// The maximum number of main files a format linter reads and analyzes at the same time: by default one per processor.
    /// The findings and their order do not depend on it. A host that must not start threads, such as a
    /// compiler analyzer, sets 1, and then everything runs on the calling thread.
    /// </summary>
    /// <remarks>
    /// The nginx linter reads in parallel, and <see cref="LintEngine"/> sorts the inputs into formats on as many
    /// threads as the first input's settings give; the firewall and compose linters use one thread.
    /// </remarks>
    public int MaxDegreeOfParallelism
    {
        get => maxDegreeOfParallelism;
        set => maxDegreeOfParallelism = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The degree of parallelism must be 1 or more.");
    }

    /// <summary>Where format readers open the files they lint and include: the disk unless a host passes texts.</summary>
    internal IConfigFileSystem FileSystem { get; private set; } = DiskFileSystem.Instance;

    /// <summary>Returns a copy of these settings whose readers open files in <paramref name="fileSystem"/>.</summary>
    internal LintOptions WithFileSystem(IConfigFileSystem fileSystem)
    {
        // A member-wise copy keeps every setting, including ones added after this method was written.
        var copy = (LintOptions)MemberwiseClone();
        copy.FileSystem = fileSystem;
        return copy;
    }
}
