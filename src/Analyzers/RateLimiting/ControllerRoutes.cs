using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
    /// covers; an empty list for a type that is not a controller or is limited as a whole.
    /// </summary>
    public IEnumerable<EndpointRoute> UnlimitedActions(INamedTypeSymbol type)
    {
        if (!IsController(type) || HasRateLimitingAttribute(type, inherited: true))
        {
            yield break;
        }

        var controllerName = type.Name.EndsWith(ControllerSuffix, StringComparison.Ordinal)
            ? type.Name.Substring(0, type.Name.Length - ControllerSuffix.Length)
            : type.Name;
        var controllerTemplates = ControllerTemplates(type);

        foreach (var action in type.GetMembers().OfType<IMethodSymbol>().Where(IsAction))
        {
            if (HasRateLimitingAttribute(action, inherited: false))
            {
                continue;
            }

            foreach (var routed in Routes(action, controllerName, controllerTemplates))
            {
                yield return routed;
            }
        }
    }

    private IEnumerable<EndpointRoute> Routes(IMethodSymbol action, string controllerName, IReadOnlyList<string> controllerTemplates)
    {
        var templates = action.GetAttributes().Where(IsRouteTemplateProvider).ToList();
        if (templates.Count == 0)
        {
            // Without a template of its own, the action is reached at each of the controller's routes.
            var location = action.Locations.FirstOrDefault() ?? Location.None;
            foreach (var controllerTemplate in controllerTemplates)
            {
                yield return new EndpointRoute(ReplaceTokens(RateLimiting.Routes.Combine(controllerTemplate, string.Empty), controllerName, action.Name), verb: null, location);
            }

            yield break;
        }

        foreach (var attribute in templates)
        {
            var template = Template(attribute);
            var verb = Verb(attribute);
            var location = TemplateLocation(attribute) ?? action.Locations.FirstOrDefault() ?? Location.None;
            if (template is not null && (template.StartsWith("/", StringComparison.Ordinal) || template.StartsWith("~/", StringComparison.Ordinal)))
            {
                yield return new EndpointRoute(ReplaceTokens(RateLimiting.Routes.Combine(string.Empty, template.TrimStart('~')), controllerName, action.Name), verb, location);
                continue;
            }

            // Without a controller route, an action template is a route of its own. A verb attribute
            // without any template leaves the action conventionally routed, so there is no route to judge.
            IReadOnlyList<string> prefixes = controllerTemplates;
            if (controllerTemplates.Count == 0)
            {
                prefixes = template is null ? Array.Empty<string>() : new[] { string.Empty };
            }
            foreach (var prefix in prefixes)
            {
                yield return new EndpointRoute(ReplaceTokens(RateLimiting.Routes.Combine(prefix, template ?? string.Empty), controllerName, action.Name), verb, location);
            }
        }
    }

    private bool IsController(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsGenericType || type.DeclaredAccessibility != Accessibility.Public)
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
    private IReadOnlyList<string> ControllerTemplates(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            var templates = current.GetAttributes().Where(IsRouteTemplateProvider).Select(Template).OfType<string>().ToList();
            if (templates.Count > 0)
            {
                return templates;
            }
        }

        return Array.Empty<string>();
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

    private bool IsRouteTemplateProvider(AttributeData attribute) =>
        symbols.RouteTemplateProvider is { } provider
        && attribute.AttributeClass is { } type
        && type.AllInterfaces.Any(candidate => SymbolEqualityComparer.Default.Equals(candidate, provider));

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

        return attribute.NamedArguments.FirstOrDefault(argument => argument.Key == "Route").Value.Value as string;
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

        var first = syntax.ArgumentList?.Arguments.FirstOrDefault(argument => argument.NameEquals is null);
        return (first ?? (SyntaxNode)syntax).GetLocation();
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
