using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetSecAnalyzers.Analyzers.Pipeline;

/// <summary>
/// Finds the security headers that middleware code sets on an <c>IHeaderDictionary</c>: through the
/// indexer, <c>Append</c>, <c>Add</c>, <c>TryAdd</c> and the typed properties such as
/// <c>XContentTypeOptions</c>. Header names may be literals or constants such as <c>HeaderNames.XFrameOptions</c>.
/// </summary>
internal sealed class ResponseHeaderWrites
{
    private const int MaxCallDepth = 3;

    private static readonly string[] WritingMethods = { "Append", "Add", "TryAdd", "AppendCommaSeparatedValues", "SetCommaSeparatedValues" };

    private readonly PipelineSymbols symbols;
    private readonly SourceBodies bodies;
    private readonly HashSet<IMethodSymbol> visited = new(SymbolEqualityComparer.Default);

    public ResponseHeaderWrites(PipelineSymbols symbols, SourceBodies bodies)
    {
        this.symbols = symbols;
        this.bodies = bodies;
    }

    public SecurityHeaders Found { get; private set; }

    /// <summary>Scans <paramref name="operation"/> and the methods of the compilation that it calls.</summary>
    public void Scan(IOperation operation) => Scan(operation, depth: 0);

    /// <summary>Scans every method of a middleware class declared in the compilation.</summary>
    public void ScanType(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol method && visited.Add(method) && bodies.TryGet(method) is { } body)
            {
                Scan(body, depth: 1);
            }
        }
    }

    private void Scan(IOperation operation, int depth)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            switch (descendant)
            {
                case IAssignmentOperation { Target: IPropertyReferenceOperation property } assignment:
                    RecordProperty(property, assignment.Value);
                    break;
                case IInvocationOperation invocation:
                    RecordInvocation(invocation, depth);
                    break;
            }
        }
    }

    private void RecordProperty(IPropertyReferenceOperation property, IOperation value)
    {
        if (!symbols.IsHeaderDictionary(property.Instance?.Type))
        {
            return;
        }

        if (property.Property.IsIndexer)
        {
            if (property.Arguments.Length == 1 && HeaderName(property.Arguments[0].Value) is { } name)
            {
                Record(name, value);
            }

            return;
        }

        switch (property.Property.Name)
        {
            case "XContentTypeOptions":
                Record("XContentTypeOptions", value);
                break;
            case "XFrameOptions":
                Record("XFrameOptions", value);
                break;
            case "ContentSecurityPolicy":
                Record("ContentSecurityPolicy", value);
                break;
            case "StrictTransportSecurity":
                Record("StrictTransportSecurity", value);
                break;
        }
    }

    private void RecordInvocation(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        var receiver = PipelineReader.Receiver(invocation);
        while (receiver is IConversionOperation conversion)
        {
            receiver = conversion.Operand;
        }

        if (Array.IndexOf(WritingMethods, method.Name) >= 0 && receiver is not null && symbols.IsHeaderDictionary(receiver.Type))
        {
            var first = method.IsExtensionMethod ? 1 : 0;
            if (invocation.Arguments.Length > first + 1 && HeaderName(invocation.Arguments[first].Value) is { } name)
            {
                Record(name, invocation.Arguments[first + 1].Value);
            }

            return;
        }

        // A helper such as SetSecurityHeaders(context.Response) is followed a few calls deep.
        if (depth < MaxCallDepth && visited.Add(method.OriginalDefinition) && bodies.TryGet(method.OriginalDefinition) is { } body)
        {
            Scan(body, depth + 1);
        }
    }

    /// <summary>
    /// Returns the header name without dashes, from a constant or from a <c>HeaderNames</c> field, which
    /// ASP.NET Core declares as static read-only fields named after the header.
    /// </summary>
    private static string? HeaderName(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        if (operation is IFieldReferenceOperation { Field.ContainingType.Name: "HeaderNames" } field)
        {
            return field.Field.Name;
        }

        return ConstantText(operation)?.Replace("-", string.Empty);
    }

    private void Record(string name, IOperation value)
    {
        if (name.Equals("XContentTypeOptions", StringComparison.OrdinalIgnoreCase))
        {
            Found |= SecurityHeaders.ContentTypeOptions;
        }
        else if (name.Equals("XFrameOptions", StringComparison.OrdinalIgnoreCase))
        {
            Found |= SecurityHeaders.FrameProtection;
        }
        else if (name.Equals("ContentSecurityPolicy", StringComparison.OrdinalIgnoreCase))
        {
            Found |= SecurityHeaders.ContentSecurityPolicy;

            // A policy computed at run time may well contain frame-ancestors, and the rule does not guess.
            var policy = ConstantText(value);
            if (policy is null || policy.IndexOf("frame-ancestors", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                Found |= SecurityHeaders.FrameProtection;
            }
        }
        else if (name.Equals("ReferrerPolicy", StringComparison.OrdinalIgnoreCase))
        {
            Found |= SecurityHeaders.ReferrerPolicy;
        }
        else if (name.Equals("StrictTransportSecurity", StringComparison.OrdinalIgnoreCase))
        {
            Found |= SecurityHeaders.StrictTransportSecurity;
        }
    }

    private static string? ConstantText(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            if (conversion.ConstantValue is { HasValue: true, Value: string converted })
            {
                return converted;
            }

            operation = conversion.Operand;
        }

        return operation.ConstantValue is { HasValue: true, Value: string text } ? text : null;
    }
}
