using System.Collections.Generic;

namespace NetSecAnalyzers.ConfigLinter.Diagnostics;

/// <summary>Collects what readers and rules report during one lint run. Not thread-safe.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Finding> findings = new();
    private readonly List<LintNotification> notifications = new();

    public IReadOnlyList<Finding> Findings => findings;

    public IReadOnlyList<LintNotification> Notifications => notifications;

    public void Report(Finding finding) => findings.Add(finding);

    public void Notify(LintNotification notification) => notifications.Add(notification);
}
