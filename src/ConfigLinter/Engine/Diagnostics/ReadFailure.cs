using System;
using System.IO;
using System.Security;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Diagnostics;

/// <summary>
/// The one wording of "this file or folder could not be read", so that every reader reports an unreadable
/// input the same way and with the operating system's reason.
/// </summary>
internal static class ReadFailure
{
    /// <summary>Returns true for the exceptions that opening or reading a path throws when the path is unreadable.</summary>
    public static bool IsReadError(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or SecurityException;

    /// <summary>
    /// Creates the error notification for an unreadable path. <paramref name="kind"/>, such as <c>folder</c>,
    /// goes before the path when the reader knows more than "file".
    /// </summary>
    public static LintNotification Notification(
        string displayPath,
        Exception exception,
        string? kind = null,
        string code = NotificationCodes.ReadError,
        SourceLocation? location = null)
    {
        var subject = kind is null ? "'" + displayPath + "'" : kind + " '" + displayPath + "'";
        return new LintNotification(code, NotificationLevel.Error, "Cannot read " + subject + ": " + exception.Message, location);
    }
}
