using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetSecAnalyzers.Analyzers.ClearTextHttp;

/// <summary>
/// Reads the host of an <c>http://</c> URI from constant text: a whole string constant, or the constant
/// start of an interpolated string. Hosts on the loopback interface (<c>localhost</c>, names under
/// <c>.localhost</c>, <c>127.0.0.0/8</c> and <c>[::1]</c>) do not count, because that traffic never
/// leaves the machine.
/// </summary>
internal static class HttpUriText
{
    private const string Scheme = "http://";

    // System.Uri reads a backslash in an http URI as a slash, so it ends the authority too.
    private static readonly char[] AuthorityEnds = { '/', '?', '#', '\\' };

    /// <summary>
    /// Returns the host and port of an <c>http://</c> URI to a remote host, as <see cref="Uri.Authority"/>
    /// writes them (user information left out), or null for any other value.
    /// </summary>
    public static string? RemoteAuthority(IOperation value)
    {
        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            return RemoteAuthority(text, isWholeUri: true);
        }

        return value is IInterpolatedStringOperation interpolated && LeadingText(interpolated) is { } leading
            ? RemoteAuthority(leading, isWholeUri: false)
            : null;
    }

    /// <summary>Returns true for a string constant that starts with an <c>http://</c> URI's whole authority, such as <c>http://lab.example/</c>.</summary>
    public static bool HasRemoteAuthorityAtStart(IOperation value) =>
        value.ConstantValue is { HasValue: true, Value: string text } && RemoteAuthority(text, isWholeUri: false) is not null;

    /// <summary>Returns the constant text an interpolated string starts with, or null when it starts with a hole.</summary>
    public static string? LeadingText(IInterpolatedStringOperation interpolated) =>
        interpolated.Parts.Length > 0
        && interpolated.Parts[0] is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string text } }
            ? text
            : null;

    /// <param name="isWholeUri">
    /// False for the start of a longer text, whose host is known only when the authority ends inside it:
    /// <c>http://lab.example/{id}</c> has a constant host, <c>http://lab{n}.example/</c> does not.
    /// </param>
    private static string? RemoteAuthority(string text, bool isWholeUri)
    {
        if (!text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var end = text.IndexOfAny(AuthorityEnds, Scheme.Length);
        if (end < 0 && !isWholeUri)
        {
            return null;
        }

        var authority = end < 0 ? text.Substring(Scheme.Length) : text.Substring(Scheme.Length, end - Scheme.Length);
        if (authority.Length == 0
            || !Uri.TryCreate(Scheme + authority + "/", UriKind.Absolute, out var uri)
            || IsLoopback(uri))
        {
            return null;
        }

        return uri.Authority;
    }

    private static bool IsLoopback(Uri uri)
    {
        // RFC 6761 reserves localhost and every name under it for the loopback interface.
        var host = uri.Host.TrimEnd('.');
        return uri.IsLoopback
            || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }
}
