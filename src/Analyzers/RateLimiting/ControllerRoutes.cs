using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetSecAnalyzers.Analyzers.RateLimiting;

/// <summary>
/// Reads MVC attribute routes: the actions of a controller with their full routes, built from the
/// controller's <c>[Route]</c> templates and the action's <c>[Route]</c> or <c>[HttpPost(...)]</c>
/// templates, and whether <c>[EnableRateLimiting]</c> or <c>[DisableRateLimiting]</c> applies.
/// </summary>
internal sealed class ControllerRoutes
{
    private const string ControllerSuffix = "Controller";

    private readonly RateLimitingSymbols symbols;

    public ControllerRoutes(RateLimitingSymbols symbols)
    {
        this.symbols = symbols;
    }

    /// <summary>
    /// Returns the attribute-routed actions of <paramref name="type"/> that no rate-limiting attribute
    /// covers, or null for a type that is not a controller or is limited as a whole. Most types of a
    /// project are no controller, so they allocate nothing here.
    /// </summary>
    public List<EndpointRoute>? UnlimitedActions(INamedTypeSymbol type)
    {
        if (!IsController(type) || HasRateLimitingAttribute(type, inherited: true))
        {
            return null;
        }

        var routes = new List<EndpointRoute>();
        var controllerName = type.Name.EndsWith(ControllerSuffix, StringComparison.Ordinal)
            ? type.Name.Substring(0, type.Name.Length - ControllerSuffix.Length)
            : type.Name;
        var controllerTemplates = ControllerTemplates(type);

        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol action && IsAction(action) && !HasRateLimitingAttribute(action, inherited: false))
            {
                AddRoutes(action, controllerName, controllerTemplates, routes);
            }
        }

        return routes;
    }

    private void AddRoutes(IMethodSymbol action, string controllerName, List<string> controllerTemplates, List<EndpointRoute> routes)
    {
        var actionLocation = action.Locations.Length > 0 ? action.Locations[0] : Location.None;
        var hasTemplate = false;
        foreach (var attribute in action.GetAttributes())
        {
            if (!IsRouteTemplateProvider(attribute))
            {
                continue;
            }

            hasTemplate = true;
            var template = Template(attribute);
            var verb = Verb(attribute);
            var location = TemplateLocation(attribute) ?? actionLocation;
            if (template is not null && (template.StartsWith("/", StringComparison.Ordinal) || template.StartsWith("~/", StringComparison.Ordinal)))
            {
                routes.Add(new EndpointRoute(ReplaceTokens(RateLimiting.Routes.Combine(string.Empty, template.TrimStart('~')), controllerName, action.Name), verb, location));
                continue;
            }

            // Without a controller route, an action template is a route of its own. A verb attribute
            // without any template leaves the action conventionally routed, so there is no route to judge.
            if (controllerTemplates.Count == 0)
            {
                if (template is not null)
                {
                    routes.Add(new EndpointRoute(ReplaceTokens(RateLimiting.Routes.Combine(string.Empty, template), controllerName, action.Name), verb, location));
                }

                continue;
            }

            foreach (var prefix in controllerTemplates)
            {
                routes.Add(new EndpointRoute(ReplaceTokens(RateLimiting.Routes.Combine(prefix, template ?? string.Empty), controllerName, action.Name), verb, location));
            }
        }

        if (!hasTemplate)
        {
            // Without a template of its own, the action is reached at each of the controller's routes.
            foreach (var controllerTemplate in controllerTemplates)
            {
                routes.Add(new EndpointRoute(ReplaceTokens(RateLimiting.Routes.Combine(controllerTemplate, string.Empty), controllerName, action.Name), verb: null, actionLocation));
            }
        }
    }

    /// <summary>Returns true for a public, concrete, non-generic class, the only kind of type MVC takes as a controller.</summary>
    public static bool MayBeController(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Class && !type.IsAbstract && !type.IsGenericType && type.DeclaredAccessibility == Accessibility.Public;

    private bool IsController(INamedTypeSymbol type)
    {
        if (!MayBeController(type))
        {
            return false;
        }

        // Most public classes are no controller at all, so the base type is checked before any attribute
        // is read, and [NonController] only once the type would otherwise count.
        return (RateLimitingSymbols.DerivesFrom(type, symbols.ControllerBase) || HasAttribute(type, symbols.ControllerAttribute, inherited: true))
            && !HasAttribute(type, symbols.NonControllerAttribute, inherited: true);
    }

    private bool IsAction(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Ordinary
        && method.DeclaredAccessibility == Accessibility.Public
        && !method.IsStatic
        && !method.IsAbstract
        && !method.IsGenericMethod
        && !HasAttribute(method, symbols.NonActionAttribute, inherited: false);

    /// <summary>The templates of the nearest class in the hierarchy with route attributes, as MVC inherits them.</summary>
    private List<string> ControllerTemplates(INamedTypeSymbol type)
    {
        var templates = new List<string>();
        for (var current = type; current is not null && templates.Count == 0; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (IsRouteTemplateProvider(attribute) && Template(attribute) is { } template)
                {
                    templates.Add(template);
                }
            }
        }

        return templates;
    }

    private bool HasRateLimitingAttribute(ISymbol symbol, bool inherited) =>
        HasAttribute(symbol, symbols.EnableRateLimitingAttribute, inherited) || HasAttribute(symbol, symbols.DisableRateLimitingAttribute, inherited);

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType, bool inherited)
    {
        if (attributeType is null)
        {
            return false;
        }

        for (var current = symbol; current is not null; current = inherited ? (current as INamedTypeSymbol)?.BaseType : null)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (RateLimitingSymbols.DerivesFrom(attribute.AttributeClass, attributeType))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsRouteTemplateProvider(AttributeData attribute)
    {
        if (symbols.RouteTemplateProvider is not { } provider || attribute.AttributeClass is not { } type)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, provider))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The template given to the attribute's constructor, or to <c>[AcceptVerbs]</c>'s <c>Route</c> property.</summary>
    private static string? Template(AttributeData attribute)
    {
        var parameters = attribute.AttributeConstructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        for (var i = 0; i < parameters.Length && i < attribute.ConstructorArguments.Length; i++)
        {
            if (parameters[i].Name == "template" && attribute.ConstructorArguments[i].Value is string template)
            {
                return template;
            }
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Route")
            {
                return argument.Value.Value as string;
            }
        }

        return null;
    }

    /// <summary>The HTTP method of a single-verb attribute such as <c>[HttpPost]</c>; null for <c>[Route]</c>.</summary>
    private string? Verb(AttributeData attribute)
    {
        var type = attribute.AttributeClass;
        if (!RateLimitingSymbols.DerivesFrom(type, symbols.HttpMethodAttribute) || type is null || !type.Name.StartsWith("Http", StringComparison.Ordinal))
        {
            return null;
        }

        var name = type.Name.Substring("Http".Length);
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length).ToUpperInvariant() : null;
    }

    /// <summary>The template string in the attribute's syntax, or the whole attribute when it has no arguments.</summary>
    private static Location? TemplateLocation(AttributeData attribute)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax syntax)
        {
            return null;
        }

        if (syntax.ArgumentList is { } arguments)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameEquals is null)
                {
                    return argument.GetLocation();
                }
            }
        }

        return syntax.GetLocation();
    }

    /// <summary>Replaces MVC's <c>[controller]</c> and <c>[action]</c> tokens, which match without regard to case.</summary>
    private static string ReplaceTokens(string route, string controller, string action) =>
        ReplaceIgnoringCase(ReplaceIgnoringCase(route, "[controller]", controller), "[action]", action);

    private static string ReplaceIgnoringCase(string text, string token, string value)
    {
        var index = text.IndexOf(token, StringComparison.OrdinalIgnoreCase);
        while (index >= 0)
        {
            text = text.Substring(0, index) + value + text.Substring(index + token.Length);
            index = text.IndexOf(token, index + value.Length, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }
}
