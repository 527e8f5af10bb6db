using Microsoft.CodeAnalysis;

namespace NetSecAnalyzers.Analyzers.RateLimiting;

/// <summary>A minimal API endpoint or an attribute-routed action with one of its full routes.</summary>
internal sealed class EndpointRoute
{
    public EndpointRoute(string route, string? verb, Location location)
    {
        Route = route;
        Verb = verb;
        Location = location;
    }

    /// <summary>The full route, starting with <c>/</c>, with group prefixes and MVC tokens resolved.</summary>
    public string Route { get; }

    /// <summary>The HTTP method, or null when the endpoint takes several or any.</summary>
    public string? Verb { get; }

    /// <summary>The route string, or the attribute or action name that makes the endpoint.</summary>
    public Location Location { get; }

    /// <summary>The endpoint as messages name it, such as <c>POST /account/login</c>.</summary>
    public string Subject => (Verb ?? "endpoint") + " " + Route;
}
