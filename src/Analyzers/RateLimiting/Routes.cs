namespace NetSecAnalyzers.Analyzers.RateLimiting;

/// <summary>Joins route templates the way ASP.NET Core's routing does for groups and controllers.</summary>
internal static class Routes
{
    /// <summary>Joins a prefix and a template with one <c>/</c>; the result starts with <c>/</c>.</summary>
    public static string Combine(string prefix, string template)
    {
        var left = prefix.Trim('/');
        var right = template.Trim('/');
        if (left.Length == 0)
        {
            return "/" + right;
        }

        return right.Length == 0 ? "/" + left : "/" + left + "/" + right;
    }
}
