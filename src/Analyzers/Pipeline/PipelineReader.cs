using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetSecAnalyzers.Analyzers.Pipeline;

/// <summary>
/// Reads a <see cref="Pipeline"/> from a <see cref="PipelineRoot"/>: every call made on the app, in order,
/// following helper methods declared in the compilation that receive the app. A call that hands the app
/// to code outside the compilation (other than ASP.NET Core itself and the known header libraries)
/// marks the pipeline as leaving the compilation, because that code may add any middleware.
/// </summary>
internal sealed class PipelineReader
{
    private const int MaxDepth = 8;

    private static readonly HashSet<string> ContentMiddleware = new(StringComparer.Ordinal)
    {
        "UseStaticFiles", "UseFileServer", "UseDirectoryBrowser", "UseEndpoints", "UseWelcomePage", "UseSpa", "UseSpaStaticFiles",
    };

    private static readonly HashSet<string> BrowserFacing = new(StringComparer.Ordinal)
    {
        "UseStaticFiles", "UseFileServer", "UseDefaultFiles", "UseDirectoryBrowser", "UseSpa", "UseSpaStaticFiles", "MapStaticAssets",
        "MapRazorPages", "MapControllerRoute", "MapDefaultControllerRoute", "MapAreaControllerRoute", "MapRazorComponents",
        "MapBlazorHub", "MapFallbackToFile", "MapFallbackToPage", "MapFallbackToAreaPage",
        "AddRazorPages", "AddControllersWithViews", "AddMvc", "AddRazorComponents", "AddServerSideBlazor",
    };

    private readonly PipelineRoot root;
    private readonly PipelineSymbols symbols;
    private readonly SourceBodies bodies;
    private readonly ResponseHeaderWrites headerWrites;
    private readonly List<PipelineStep> steps = new();
    private readonly HashSet<IMethodSymbol> following = new(SymbolEqualityComparer.Default);
    private SecurityHeaders libraryHeaders;
    private bool leavesCompilation;
    private bool hasRequireHttpsFilter;
    private bool servesBrowsers;

    private PipelineReader(PipelineRoot root, PipelineSymbols symbols, SourceBodies bodies)
    {
        this.root = root;
        this.symbols = symbols;
        this.bodies = bodies;
        headerWrites = new ResponseHeaderWrites(symbols, bodies);
    }

    /// <summary>
    /// Reads the pipeline of <paramref name="root"/>. <paramref name="serviceBodies"/> are other methods
    /// that register services for the same app, such as <c>Startup.ConfigureServices</c>.
    /// </summary>
    public static MiddlewarePipeline Read(PipelineRoot root, PipelineSymbols symbols, SourceBodies bodies, IEnumerable<IOperation> serviceBodies)
    {
        var reader = new PipelineReader(root, symbols, bodies);
        reader.ReadBody(root.Body, new AppReference(root.App, root.AppSource, symbols), StepGate.Always, callSite: null, depth: 0);
        foreach (var body in serviceBodies)
        {
            foreach (var operation in body.Descendants())
            {
                reader.NoteServices(operation);
            }
        }

        return new MiddlewarePipeline(
            root,
            reader.steps,
            reader.libraryHeaders | reader.headerWrites.Found,
            reader.leavesCompilation,
            reader.hasRequireHttpsFilter,
            reader.servesBrowsers);
    }

    /// <summary>Returns the instance an invocation is made on, or the first argument of an extension method.</summary>
    public static IOperation? Receiver(IInvocationOperation invocation) =>
        invocation.Instance
        ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

    private void ReadBody(IOperation body, AppReference app, StepGate gate, IOperation? callSite, int depth)
    {
        var calls = new List<IInvocationOperation>();
        foreach (var operation in body.Descendants())
        {
            NoteServices(operation);
            switch (operation)
            {
                case IInvocationOperation invocation when TouchesApp(invocation, app):
                    calls.Add(invocation);
                    break;

                // Only the root's app can escape: helpers return the app they were given as a matter of course.
                case IReturnOperation { ReturnedValue: { } returned } when depth == 0 && app.Matches(returned):
                case ISimpleAssignmentOperation assignment when app.Matches(assignment.Value) && !app.Matches(assignment.Target):
                    leavesCompilation = true;
                    break;
            }
        }

        // Descendants come parent first, so a chain such as app.UseA().UseB() lists UseB before UseA;
        // the end of each call's syntax gives the order in which the calls run.
        calls.Sort((left, right) => left.Syntax.Span.End.CompareTo(right.Syntax.Span.End));
        foreach (var call in calls)
        {
            ReadCall(call, app, gate, callSite ?? root.RootStatementOf(call), depth);
        }
    }

    private void ReadCall(IInvocationOperation invocation, AppReference app, StepGate outerGate, IOperation? rootStatement, int depth)
    {
        var gate = DevelopmentGate.Of(invocation, outerGate);
        var method = invocation.TargetMethod;
        if (bodies.IsInSource(method))
        {
            Follow(invocation, app, gate, rootStatement, depth);
            return;
        }

        if (HeaderLibraries.TryRecognize(invocation, out var headers))
        {
            libraryHeaders |= gate == StepGate.DevelopmentOnly ? SecurityHeaders.None : headers;
            steps.Add(new PipelineStep(invocation, headers.HasFlag(SecurityHeaders.StrictTransportSecurity) ? StepKind.Hsts : StepKind.Other, gate, rootStatement));
            return;
        }

        if (!IsFramework(method.ContainingAssembly))
        {
            leavesCompilation = true;
            return;
        }

        steps.Add(new PipelineStep(invocation, Classify(method), gate, rootStatement));
        if (method.Name == "Use" && (method.IsExtensionMethod || SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.ApplicationBuilder)))
        {
            foreach (var argument in invocation.Arguments)
            {
                headerWrites.Scan(argument.Value);
            }
        }
        else if (PipelineSymbols.IsDeclaredBy(method, symbols.MiddlewareExtensions))
        {
            ReadMiddlewareClass(invocation);
        }
    }

    private void Follow(IInvocationOperation invocation, AppReference app, StepGate gate, IOperation? rootStatement, int depth)
    {
        var method = invocation.TargetMethod.OriginalDefinition;
        IParameterSymbol? parameter = null;
        foreach (var argument in invocation.Arguments)
        {
            if (app.Matches(argument.Value))
            {
                parameter = argument.Parameter;
            }
        }

        var body = bodies.TryGet(method);
        if (parameter is null || body is null || depth >= MaxDepth)
        {
            leavesCompilation = true;
            return;
        }

        // A helper that calls itself adds nothing new the second time.
        if (!following.Add(method))
        {
            return;
        }

        ReadBody(body, new AppReference(parameter.OriginalDefinition, null, symbols), gate, rootStatement, depth + 1);
        following.Remove(method);
    }

    private void ReadMiddlewareClass(IInvocationOperation invocation)
    {
        ITypeSymbol? middleware = invocation.TargetMethod.TypeArguments.Length == 1 ? invocation.TargetMethod.TypeArguments[0] : null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value is ITypeOfOperation typeOf)
            {
                middleware = typeOf.TypeOperand;
            }
        }

        if (middleware is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, bodies.Assembly))
        {
            headerWrites.ScanType(named);
        }
        else if (middleware is null || !IsFramework(middleware.ContainingAssembly))
        {
            leavesCompilation = true;
        }
    }

    private void NoteServices(IOperation operation)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (BrowserFacing.Contains(method.Name) && IsFramework(method.ContainingAssembly))
                {
                    servesBrowsers = true;
                }

                foreach (var typeArgument in method.TypeArguments)
                {
                    hasRequireHttpsFilter |= IsRequireHttps(typeArgument);
                }

                break;
            case IObjectCreationOperation creation:
                hasRequireHttpsFilter |= IsRequireHttps(creation.Type);
                break;
            case ITypeOfOperation typeOf:
                hasRequireHttpsFilter |= IsRequireHttps(typeOf.TypeOperand);
                break;
        }
    }

    private bool IsRequireHttps(ITypeSymbol? type) =>
        symbols.RequireHttpsAttribute is not null && SymbolEqualityComparer.Default.Equals(type, symbols.RequireHttpsAttribute);

    private static bool TouchesApp(IInvocationOperation invocation, AppReference app)
    {
        if (invocation.Instance is not null && app.Matches(invocation.Instance))
        {
            return true;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (app.Matches(argument.Value))
            {
                return true;
            }
        }

        return false;
    }

    private StepKind Classify(IMethodSymbol method)
    {
        if (PipelineSymbols.IsDeclaredBy(method, symbols.HttpsRedirectionExtensions))
        {
            return StepKind.HttpsRedirection;
        }

        if (PipelineSymbols.IsDeclaredBy(method, symbols.HstsExtensions))
        {
            return StepKind.Hsts;
        }

        if (PipelineSymbols.IsDeclaredBy(method, symbols.ForwardedHeadersExtensions))
        {
            return StepKind.ForwardedHeaders;
        }

        var typeName = method.ContainingType?.Name;
        if (ContentMiddleware.Contains(method.Name)
            || (method.Name == "Run" && typeName == "RunExtensions")
            || (method.Name is "Map" or "MapWhen" && typeName is "MapExtensions" or "MapWhenExtensions"))
        {
            return StepKind.ServesContent;
        }

        if (method.Name is "UseRouting" or "Run" or "RunAsync" or "Start" or "StartAsync" || method.Name.StartsWith("Map", StringComparison.Ordinal))
        {
            return StepKind.RoutingOrEndpoints;
        }

        return StepKind.Other;
    }

    /// <summary>Returns true for ASP.NET Core, Microsoft.Extensions and the base library, which add no middleware the rules care about unasked.</summary>
    private static bool IsFramework(IAssemblySymbol? assembly)
    {
        var name = assembly?.Name ?? string.Empty;
        return name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
            || name.StartsWith("System", StringComparison.Ordinal)
            || name is "netstandard" or "mscorlib";
    }

    /// <summary>The app as the code refers to it: a local, a parameter, or the call that created it.</summary>
    private readonly struct AppReference
    {
        private readonly ISymbol? symbol;
        private readonly IInvocationOperation? source;
        private readonly PipelineSymbols symbols;

        public AppReference(ISymbol? symbol, IInvocationOperation? source, PipelineSymbols symbols)
        {
            this.symbol = symbol;
            this.source = source;
            this.symbols = symbols;
        }

        public bool Matches(IOperation? operation)
        {
            while (operation is IConversionOperation or IParenthesizedOperation)
            {
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
            }

            return operation switch
            {
                ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, symbol),
                IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter.OriginalDefinition, symbol),
                IInvocationOperation invocation => invocation == source
                    || (symbols.IsApplicationBuilder(invocation.Type) && Matches(Receiver(invocation))),
                _ => false,
            };
        }
    }
}
