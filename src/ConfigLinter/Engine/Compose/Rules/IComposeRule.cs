namespace NetSecAnalyzers.ConfigLinter.Compose.Rules;

/// <summary>One compose rule: it reads a project through the context and reports through it.</summary>
internal interface IComposeRule
{
    void Analyze(ComposeRuleContext context);
}
