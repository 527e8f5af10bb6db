using System;

namespace NetSecAnalyzers.Catalog;

/// <summary>The kinds of source a rule inspects.</summary>
[Flags]
public enum RuleTargets
{
    None = 0,
    CSharp = 1,
    Nginx = 2,
    Firewall = 4,
    Compose = 8,
}
