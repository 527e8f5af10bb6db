using System.Collections.Generic;
using NetSecAnalyzers.ConfigLinter.Firewall;
using NetSecAnalyzers.ConfigLinter.Suppressions;

namespace NetSecAnalyzers.ConfigLinter.Diagnostics;

/// <summary>Collects what readers and rules report during one lint run. Not thread-safe.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Finding> findings = new();
    private readonly List<LintNotification> notifications = new();
    private readonly List<string> filesRead = new();
    private readonly List<ICommentedFile> commentedFiles = new();

    public IReadOnlyList<Finding> Findings => findings;

    public IReadOnlyList<LintNotification> Notifications => notifications;

    /// <summary>
    /// The files format linters read, including those reached through an include, in reading order. A
    /// file read twice is listed twice; the engine counts each real path once.
    /// </summary>
    public IReadOnlyList<string> FilesRead => filesRead;

    /// <summary>The files whose comments may suppress findings; a file read twice may be listed twice.</summary>
    public IReadOnlyList<ICommentedFile> CommentedFiles => commentedFiles;

    /// <summary>
    /// What the host firewall files read so far restrict. The firewall formats run before compose, so the
    /// compose rules see every firewall file of the scan.
    /// </summary>
    public HostFirewallFacts HostFirewall { get; } = new();

    public void Report(Finding finding) => findings.Add(finding);

    public void Notify(LintNotification notification) => notifications.Add(notification);

    public void RecordFileRead(string path) => filesRead.Add(path);

    public void RecordCommentedFile(ICommentedFile file) => commentedFiles.Add(file);
}
