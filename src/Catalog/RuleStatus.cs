namespace NetSecAnalyzers.Catalog;

/// <summary>Whether a rule's checks exist yet. Planned rules ship disabled in every host.</summary>
public enum RuleStatus
{
    Planned,
    Implemented,
}
