using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace NetSecAnalyzers.Analyzers.RateLimiting;

/// <summary>
/// An endpoint whose route matches the authentication patterns and that has no rate-limiting convention
/// or attribute of its own. It is reported at the end of the compilation unless a global limiter is
/// registered or a later statement limits one of <see cref="BuilderLocals"/>.
/// </summary>
internal sealed class EndpointCandidate
{
    public EndpointCandidate(EndpointRoute route, bool isMinimalApi, ImmutableArray<ILocalSymbol> builderLocals)
    {
        Route = route;
        IsMinimalApi = isMinimalApi;
        BuilderLocals = builderLocals;
    }

    public EndpointRoute Route { get; }

    /// <summary>True for a <c>Map...</c> call, which the code fix can extend with <c>RequireRateLimiting</c>.</summary>
    public bool IsMinimalApi { get; }

    /// <summary>The locals that hold the endpoint's builder or one of its route groups.</summary>
    public ImmutableArray<ILocalSymbol> BuilderLocals { get; }
}
