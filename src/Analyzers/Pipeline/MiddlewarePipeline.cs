using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetSecAnalyzers.Analyzers.Pipeline;

/// <summary>What a middleware step does, as far as the pipeline rules care.</summary>
internal enum StepKind
{
    Other,
    HttpsRedirection,
    Hsts,
    ForwardedHeaders,

    /// <summary>Middleware that responds to requests at its place in the pipeline: static files, <c>UseEndpoints</c>, <c>Run</c>, <c>Map</c> branches.</summary>
    ServesContent,

    /// <summary>Routing, endpoint mapping and starting the host: the conventional place for redirection to come before.</summary>
    RoutingOrEndpoints,
}

/// <summary>Whether a step runs in every environment, only outside development, only in development, or under another condition.</summary>
internal enum StepGate
{
    Always,
    OutsideDevelopment,
    DevelopmentOnly,
    Conditional,
}

/// <summary>The response headers a pipeline sets by hand or through a known library.</summary>
[Flags]
internal enum SecurityHeaders
{
    None = 0,
    ContentTypeOptions = 1,
    FrameProtection = 2,
    ContentSecurityPolicy = 4,
    ReferrerPolicy = 8,
    StrictTransportSecurity = 16,
    AllChecked = ContentTypeOptions | FrameProtection | ContentSecurityPolicy | ReferrerPolicy,
}

/// <summary>One call that adds middleware or endpoints, in pipeline order.</summary>
internal sealed class PipelineStep
{
    public PipelineStep(IInvocationOperation invocation, StepKind kind, StepGate gate, IOperation? rootStatement)
    {
        Invocation = invocation;
        Kind = kind;
        Gate = gate;
        RootStatement = rootStatement;
    }

    public IInvocationOperation Invocation { get; }

    public StepKind Kind { get; }

    public StepGate Gate { get; }

    /// <summary>
    /// The statement of the root method (Program's statements or <c>Configure</c>) that leads to this call:
    /// the call's own statement, or the call into the helper method that makes it.
    /// </summary>
    public IOperation? RootStatement { get; }

    public string Name => Invocation.TargetMethod.Name;

    /// <summary>Returns true when the step runs in production: it is not limited to the development environment.</summary>
    public bool RunsInProduction => Gate != StepGate.DevelopmentOnly;
}

/// <summary>
/// An app's middleware pipeline as read from one root, with what it sets up. When
/// <see cref="LeavesCompilation"/> is true, the app was handed to code outside the compilation that may
/// add middleware, and the rules report nothing.
/// </summary>
internal sealed class MiddlewarePipeline
{
    public MiddlewarePipeline(PipelineRoot root, IReadOnlyList<PipelineStep> steps, SecurityHeaders headers, bool leavesCompilation, bool hasRequireHttpsFilter, bool servesBrowsers)
    {
        Root = root;
        Steps = steps;
        Headers = headers;
        LeavesCompilation = leavesCompilation;
        HasRequireHttpsFilter = hasRequireHttpsFilter;
        ServesBrowsers = servesBrowsers;
    }

    public PipelineRoot Root { get; }

    public IReadOnlyList<PipelineStep> Steps { get; }

    public SecurityHeaders Headers { get; }

    public bool LeavesCompilation { get; }

    /// <summary>A global MVC filter (<c>RequireHttpsAttribute</c>) redirects MVC requests to HTTPS.</summary>
    public bool HasRequireHttpsFilter { get; }

    /// <summary>The app serves pages or files to browsers: Razor Pages, MVC views, Blazor or static files.</summary>
    public bool ServesBrowsers { get; }

    public bool Contains(StepKind kind)
    {
        foreach (var step in Steps)
        {
            if (step.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the position of <paramref name="step"/> in <see cref="Steps"/>, or -1.</summary>
    public int IndexOf(PipelineStep step)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (ReferenceEquals(Steps[i], step))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Returns the first step of <paramref name="kind"/> that runs in production, or null.</summary>
    public PipelineStep? FirstInProduction(StepKind kind)
    {
        foreach (var step in Steps)
        {
            if (step.Kind == kind && step.RunsInProduction)
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>
    /// Returns the root statement before which new middleware conventionally goes: the first one that
    /// leads to static files, routing, endpoints or starting the host. Null when there is none.
    /// </summary>
    public IOperation? InsertionAnchor()
    {
        foreach (var step in Steps)
        {
            if (step.RootStatement is not null && step.Kind is StepKind.ServesContent or StepKind.RoutingOrEndpoints)
            {
                return step.RootStatement;
            }
        }

        return null;
    }

    public Location? InsertionAnchorLocation() => InsertionAnchor()?.Syntax.GetLocation();
}
