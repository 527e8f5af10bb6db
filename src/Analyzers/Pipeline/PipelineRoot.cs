using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetSecAnalyzers.Analyzers.Flow;

namespace NetSecAnalyzers.Analyzers.Pipeline;

/// <summary>
/// Where a pipeline starts: the app that <c>builder.Build()</c> returns in minimal hosting, or the
/// <c>IApplicationBuilder</c> parameter of <c>Startup.Configure</c>.
/// </summary>
internal sealed class PipelineRoot
{
    private PipelineRoot(IOperation body, ISymbol? app, IInvocationOperation? appSource, Location location, string description, string? appName, string? environment)
    {
        Body = body;
        App = app;
        AppSource = appSource;
        Location = location;
        Description = description;
        AppName = appName;
        Environment = environment;
        Statements = RootBlock(body);
    }

    /// <summary>The operation tree of the method that contains the root.</summary>
    public IOperation Body { get; }

    /// <summary>The local or parameter that contains the app; null when the app is only used in a chain such as <c>builder.Build().Run()</c>.</summary>
    public ISymbol? App { get; }

    /// <summary>The call that creates the app (minimal hosting), so that chained calls on it count as steps.</summary>
    public IInvocationOperation? AppSource { get; }

    /// <summary>Where whole-pipeline findings go: the <c>Build()</c> call or the <c>Configure</c> method's name.</summary>
    public Location Location { get; }

    /// <summary>Names the app in messages, such as <c>the app that builder.Build() creates</c>.</summary>
    public string Description { get; }

    /// <summary>The app's name for code fixes; null when there is no variable to call methods on.</summary>
    public string? AppName { get; }

    /// <summary>An expression of the host environment for code fixes (<c>app.Environment</c>, <c>env</c>); null when none is at hand.</summary>
    public string? Environment { get; }

    /// <summary>The block whose statements are the root statements that code fixes insert between.</summary>
    public IBlockOperation? Statements { get; }

    public bool IsStartup => AppSource is null;

    /// <summary>Creates the root for a <c>WebApplicationBuilder.Build()</c> or <c>WebApplication.Create()</c> call.</summary>
    public static PipelineRoot ForMinimalHosting(IInvocationOperation creation)
    {
        var top = OperationTree.Root(creation);

        var app = AssignedLocal(creation);
        var text = creation.Syntax.ToString();
        return new PipelineRoot(top, app, creation, creation.Syntax.GetLocation(), "The app that " + text + " creates", app?.Name, app is null ? null : app.Name + ".Environment");
    }

    /// <summary>Creates the root for a <c>Configure(IApplicationBuilder app, ...)</c> method.</summary>
    public static PipelineRoot ForStartup(IMethodSymbol configure, IParameterSymbol app, IOperation body)
    {
        var environment = configure.Parameters.FirstOrDefault(parameter => PipelineSymbols.IsHostEnvironment(parameter.Type));
        return new PipelineRoot(
            body,
            app,
            appSource: null,
            configure.Locations[0],
            configure.ContainingType.Name + "." + configure.Name,
            app.Name,
            environment?.Name);
    }

    /// <summary>Returns the statement of <see cref="Statements"/> that contains <paramref name="operation"/>, or null.</summary>
    public IOperation? RootStatementOf(IOperation operation)
    {
        if (Statements is null)
        {
            return null;
        }

        for (var current = operation; current is not null; current = current.Parent)
        {
            if (current.Parent == Statements)
            {
                return current;
            }
        }

        return null;
    }

    private static ILocalSymbol? AssignedLocal(IOperation creation)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local,
            _ => null,
        };
    }

    private static IBlockOperation? RootBlock(IOperation body) => body switch
    {
        IMethodBodyOperation method => method.BlockBody,
        IBlockOperation block => block,
        _ => null,
    };
}
