using System;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>
/// Reads <c>on | off</c> directives as nginx's flag parser does: one argument, compared without regard to
/// case. Any other form is neither on nor off, because nginx rejects it.
/// </summary>
internal static class NginxFlags
{
    public static bool IsOn(NginxDirective? flag) => Is(flag, "on");

    public static bool IsOff(NginxDirective? flag) => Is(flag, "off");

    private static bool Is(NginxDirective? flag, string value) =>
        flag is not null
        && !flag.HasBlock
        && flag.Arguments.Count == 1
        && string.Equals(flag.Arguments[0].Text, value, StringComparison.OrdinalIgnoreCase);
}
