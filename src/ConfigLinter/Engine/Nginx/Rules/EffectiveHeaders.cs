using System;
using System.Collections.Generic;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Rules;

/// <summary>One <c>add_header</c> directive as nginx reads it.</summary>
internal sealed class AddedHeader
{
    public AddedHeader(NginxDirective directive)
    {
        Directive = directive;
        Value = directive.Arguments[1];
        Always = directive.Arguments.Count == 3 && directive.Arguments[2].Text == "always";
    }

    public NginxDirective Directive { get; }

    /// <summary>The header name as written; nginx and browsers compare it without regard to case.</summary>
    public string Name => Directive.Arguments[0].Text;

    public NginxToken Value { get; }

    /// <summary>
    /// Whether the header goes out with every response. Without <c>always</c> nginx adds it only to 200,
    /// 201, 204, 206, 301, 302, 303, 304, 307 and 308 responses. nginx matches the word case-sensitively.
    /// </summary>
    public bool Always { get; }

    /// <summary>nginx skips a header whose value is empty, so <c>add_header X ""</c> sends nothing.</summary>
    public bool IsSent => Value.Text.Length > 0;

    /// <summary>A value with a variable is known only per request, so its content cannot be judged.</summary>
    public bool HasVariables => Value.Text.IndexOf('$') >= 0;

    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The <c>add_header</c> set of one level that can respond to a request: a server, a location or an
/// <c>if</c> inside a location.
/// </summary>
internal sealed class HeaderScope
{
    public HeaderScope(NginxDirective block, HeaderScope? parent, IReadOnlyList<AddedHeader> own, IReadOnlyList<AddedHeader> effective, IReadOnlyList<AddedHeader> inherited)
    {
        Block = block;
        Parent = parent;
        Own = own;
        Effective = effective;
        Inherited = inherited;
    }

    public NginxDirective Block { get; }

    /// <summary>The scope around this one; null for a server.</summary>
    public HeaderScope? Parent { get; }

    /// <summary>The block's own <c>add_header</c> directives.</summary>
    public IReadOnlyList<AddedHeader> Own { get; }

    /// <summary>The headers nginx adds to responses from this block, after inheritance.</summary>
    public IReadOnlyList<AddedHeader> Effective { get; }

    /// <summary>The headers the enclosing level sends, which this block would get without its own <c>add_header</c>.</summary>
    public IReadOnlyList<AddedHeader> Inherited { get; }

    public bool Sends(string name) => Contains(Effective, name, sentOnly: true);

    /// <summary>Whether the block names the header itself, even with an empty value that removes it on purpose.</summary>
    public bool Names(string name) => Contains(Own, name, sentOnly: false);

    /// <summary>The security headers this scope drops, kept after the first request because several rules ask for them.</summary>
    internal IReadOnlyList<string>? DroppedSecurityHeaders { get; set; }

    internal static bool Contains(IReadOnlyList<AddedHeader> headers, string name, bool sentOnly)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if ((!sentOnly || headers[i].IsSent) && headers[i].Is(name))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The response headers each TLS server of a configuration sends, per server and per location and
/// <c>if</c> in it, following how ngx_http_headers_module merges <c>add_header</c>: a level with no
/// <c>add_header</c> of its own takes the whole set of the level around it, and a level with one drops
/// that set. <c>add_header_inherit</c> (nginx 1.29.3 and later) changes that: <c>merge</c> appends the
/// inherited set to the level's own, <c>off</c> inherits nothing.
/// </summary>
/// <remarks>
/// NOTE: <c>more_set_headers</c> of the headers-more module is not read, so headers set only with it
/// count as missing.
/// </remarks>
internal static class EffectiveHeaders
{
    public const string Hsts = "Strict-Transport-Security";
    public const string ContentTypeOptions = "X-Content-Type-Options";
    public const string FrameOptions = "X-Frame-Options";
    public const string ContentSecurityPolicy = "Content-Security-Policy";
    public const string ReferrerPolicy = "Referrer-Policy";

    // An array for the loops that run once per scope, where a foreach over the list would allocate. It is
    // declared first because static fields are set in order.
    private static readonly string[] SecurityHeaderNames = { Hsts, ContentTypeOptions, FrameOptions, ContentSecurityPolicy, ReferrerPolicy };

    /// <summary>The headers whose loss NETSEC035 reports, in the order messages list them.</summary>
    public static readonly IReadOnlyList<string> SecurityHeaders = SecurityHeaderNames;

    private static readonly Version InheritDirectiveVersion = new(1, 29, 3);

    private enum InheritMode
    {
        On,
        Off,
        Merge,
    }

    /// <summary>
    /// Returns, for each TLS server of the http module in reading order, its scope followed by every
    /// location and <c>if</c> scope below it, depth first.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<HeaderScope>> TlsServers(NginxRuleContext context)
    {
        var servers = new List<IReadOnlyList<HeaderScope>>();
        var configuration = context.Configuration;
        var readsInherit = context.Options.NginxVersion >= InheritDirectiveVersion;
        // The servers of one http block share its headers, and that level can be long, so it is read once.
        var enclosingHeaders = new Dictionary<IReadOnlyList<NginxDirective>, (IReadOnlyList<AddedHeader> Own, InheritMode Mode)>();
        foreach (var entry in context.Servers)
        {
            var (server, enclosing) = entry;
            if (!NginxTree.IsInHttp(configuration, server) || !NginxTlsListeners.AcceptsTls(entry))
            {
                continue;
            }

            if (!enclosingHeaders.TryGetValue(enclosing, out var level))
            {
                level = (Own(enclosing), readsInherit ? ModeOf(enclosing, InheritMode.On) : InheritMode.On);
                enclosingHeaders[enclosing] = level;
            }

            var scopes = new List<HeaderScope>();
            Walk(server, parent: null, level.Own, level.Mode, readsInherit, scopes);
            servers.Add(scopes);
        }

        return servers;
    }

    /// <summary>Returns the security headers the enclosing level sends and this block silently loses.</summary>
    public static IReadOnlyList<string> Dropped(HeaderScope scope) => scope.DroppedSecurityHeaders ??= FindDropped(scope);

    private static IReadOnlyList<string> FindDropped(HeaderScope scope)
    {
        // A block without add_header of its own sends the inherited list itself, so it drops nothing.
        if (scope.Inherited.Count == 0 || ReferenceEquals(scope.Effective, scope.Inherited))
        {
            return Array.Empty<string>();
        }

        List<string>? dropped = null;
        for (var i = 0; i < SecurityHeaderNames.Length; i++)
        {
            var name = SecurityHeaderNames[i];
            if (HeaderScope.Contains(scope.Inherited, name, sentOnly: true) && !scope.Sends(name) && !scope.Names(name))
            {
                (dropped ??= new List<string>()).Add(name);
            }
        }

        return dropped ?? (IReadOnlyList<string>)Array.Empty<string>();
    }

    /// <summary>Joins names as a sentence lists them: "A", "A and B", "A, B and C".</summary>
    public static string JoinNames(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];

    /// <summary>Adds the scope of <paramref name="block"/>, then those nested in it depth first.</summary>
    private static void Walk(NginxDirective block, HeaderScope? parent, IReadOnlyList<AddedHeader> inherited, InheritMode enclosingMode, bool readsInherit, List<HeaderScope> scopes)
    {
        var mode = readsInherit ? ModeOf(block.Children, enclosingMode) : InheritMode.On;
        var scope = Scope(block, parent, inherited, mode);
        scopes.Add(scope);
        var children = block.Children;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (IsNestedScope(block, child))
            {
                Walk(child, scope, scope.Effective, mode, readsInherit, scopes);
            }
        }
    }

    /// <summary>nginx allows <c>add_header</c> in <c>if</c> only inside a location, not in a server.</summary>
    private static bool IsNestedScope(NginxDirective block, NginxDirective child) =>
        child.BlockKind == NginxBlockKind.Directives
        && (child.Name == "location" || (child.Name == "if" && block.Name == "location"));

    private static HeaderScope Scope(NginxDirective block, HeaderScope? parent, IReadOnlyList<AddedHeader> inherited, InheritMode mode)
    {
        var own = Own(block.Children);
        IReadOnlyList<AddedHeader> effective = mode switch
        {
            InheritMode.Off => own,
            InheritMode.Merge => inherited.Concat(own).ToList(),
            _ => own.Count > 0 ? own : inherited,
        };
        return new HeaderScope(block, parent, own, effective, mode == InheritMode.Off ? Array.Empty<AddedHeader>() : inherited);
    }

    /// <summary>
    /// Returns a level's <c>add_header</c> directives; a form nginx rejects adds nothing. Most levels have
    /// none, and those share one empty list.
    /// </summary>
    private static IReadOnlyList<AddedHeader> Own(IReadOnlyList<NginxDirective> level)
    {
        List<AddedHeader>? own = null;
        for (var i = 0; i < level.Count; i++)
        {
            var directive = level[i];
            if (directive.Name == "add_header" && !directive.HasBlock && directive.Arguments.Count is 2 or 3)
            {
                (own ??= new List<AddedHeader>()).Add(new AddedHeader(directive));
            }
        }

        return own ?? (IReadOnlyList<AddedHeader>)Array.Empty<AddedHeader>();
    }

    /// <summary><c>add_header_inherit</c> is itself inherited like any single-value directive.</summary>
    private static InheritMode ModeOf(IReadOnlyList<NginxDirective> level, InheritMode inherited)
    {
        NginxDirective? directive = null;
        for (var i = level.Count - 1; i >= 0 && directive is null; i--)
        {
            var candidate = level[i];
            if (candidate.Name == "add_header_inherit" && !candidate.HasBlock && candidate.Arguments.Count == 1)
            {
                directive = candidate;
            }
        }

        return directive?.Arguments[0].Text switch
        {
            "merge" => InheritMode.Merge,
            "off" => InheritMode.Off,
            "on" => InheritMode.On,
            _ => inherited,
        };
    }
}
