using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace NetSecAnalyzers.Analyzers.Pipeline;

/// <summary>
/// Builds whole-pipeline diagnostics with what their code fixes need: the app's name, the host
/// environment expression, and the statements to insert before or into, as additional locations.
/// </summary>
internal static class PipelineFinding
{
    /// <summary>Property: the app's variable or parameter name.</summary>
    public const string AppKey = "App";

    /// <summary>Property: an expression of the host environment, such as <c>app.Environment</c>.</summary>
    public const string EnvironmentKey = "Environment";

    /// <summary>Property: the index in the additional locations of the statement to insert before.</summary>
    public const string AnchorKey = "Anchor";

    /// <summary>Property: the index in the additional locations of the block guarded by <c>!IsDevelopment()</c> to add to.</summary>
    public const string ProductionBlockKey = "ProductionBlock";

    /// <summary>Property: the missing security headers, as the number of a <see cref="SecurityHeaders"/> value.</summary>
    public const string MissingHeadersKey = "MissingHeaders";

    /// <summary>Creates a diagnostic on the pipeline's root; <paramref name="fixable"/> false leaves out the fix data.</summary>
    public static Diagnostic Create(
        DiagnosticDescriptor descriptor,
        MiddlewarePipeline pipeline,
        bool fixable,
        IEnumerable<KeyValuePair<string, string?>>? extraProperties,
        Location? productionBlock,
        params object[] arguments)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        var locations = new List<Location>();
        var anchor = pipeline.InsertionAnchorLocation();
        if (fixable && pipeline.Root.AppName is { } app && (anchor is not null || productionBlock is not null))
        {
            properties[AppKey] = app;
            if (pipeline.Root.Environment is { } environment)
            {
                properties[EnvironmentKey] = environment;
            }

            if (anchor is not null)
            {
                properties[AnchorKey] = Index(locations.Count);
                locations.Add(anchor);
            }

            if (productionBlock is not null)
            {
                properties[ProductionBlockKey] = Index(locations.Count);
                locations.Add(productionBlock);
            }

            if (extraProperties is not null)
            {
                foreach (var pair in extraProperties)
                {
                    properties[pair.Key] = pair.Value;
                }
            }
        }

        return Diagnostic.Create(descriptor, pipeline.Root.Location, locations, properties.ToImmutable(), arguments);
    }

    private static string Index(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
