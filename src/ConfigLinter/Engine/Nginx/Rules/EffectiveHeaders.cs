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
        Name = directive.Arguments[0].Text;
        Value = directive.Arguments[1];
        Always = directive.Arguments.Count == 3 && directive.Arguments[2].Text == "always";
        SecurityHeaderBit = EffectiveHeaders.SecurityHeaderBit(Name);
    }

    public NginxDirective Directive { get; }

    /// <summary>The header name as written; nginx and browsers compare it without regard to case.</summary>
    public string Name { get; }

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

    /// <summary>The bit of <see cref="EffectiveHeaders.SecurityHeaders"/> that this header is, or 0 for any other header.</summary>
    internal int SecurityHeaderBit { get; }
}

/// <summary>
/// The <c>add_header</c> set of one level that can respond to a request: a server, a location or an
/// <c>if</c> inside a location.
/// </summary>
internal sealed class HeaderScope
{
    /// <param name="effectiveSent">The security headers that <paramref name="effective"/> sends, as <see cref="EffectiveSent"/> has them.</param>
    /// <param name="inheritedSent">The security headers that <paramref name="inherited"/> sends.</param>
    public HeaderScope(NginxDirective block, HeaderScope? parent, IReadOnlyList<AddedHeader> own, IReadOnlyList<AddedHeader> effective, IReadOnlyList<AddedHeader> inherited, int effectiveSent, int inheritedSent)
    {
        Block = block;
        Parent = parent;
        Own = own;
        Effective = effective;
        Inherited = inherited;
        EffectiveSent = effectiveSent;
        InheritedSent = inheritedSent;
        OwnNamed = EffectiveHeaders.NamedMask(own);
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

    /// <summary>The security headers that <see cref="Effective"/> sends, one bit each in the order of <see cref="EffectiveHeaders.SecurityHeaders"/>.</summary>
    internal int EffectiveSent { get; }

    /// <summary>The security headers that <see cref="Inherited"/> sends, as bits like <see cref="EffectiveSent"/>.</summary>
    internal int InheritedSent { get; }

    /// <summary>The security headers that <see cref="Own"/> names, sent or not, as bits like <see cref="EffectiveSent"/>.</summary>
    internal int OwnNamed { get; }

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

    /// <summary>
    /// The dropped headers for each mask of <see cref="SecurityHeaderNames"/> bits, in that order. Many scopes drop
    /// the same headers, so they share one list rather than each building its own.
    /// </summary>
    private static readonly IReadOnlyList<string>[] SecurityHeadersByMask = ListsByMask();

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
        var enclosingHeaders = new Dictionary<IReadOnlyList<NginxDirective>, (IReadOnlyList<AddedHeader> Own, int Sent, InheritMode Mode)>();
        var allServers = context.Servers;
        for (var i = 0; i < allServers.Count; i++)
        {
            var entry = allServers[i];
            var (server, enclosing) = entry;
            if (!NginxTree.IsInHttp(configuration, server) || !NginxTlsListeners.AcceptsTls(entry))
            {
                continue;
            }

            if (!enclosingHeaders.TryGetValue(enclosing, out var level))
            {
                var own = Own(enclosing);
                level = (own, SentMask(own), readsInherit ? ModeOf(enclosing, InheritMode.On) : InheritMode.On);
                enclosingHeaders[enclosing] = level;
            }

            var scopes = new List<HeaderScope>();
            Walk(server, parent: null, level.Own, level.Sent, level.Mode, readsInherit, scopes);
            servers.Add(scopes);
        }

        return servers;
    }

    /// <summary>Returns the security headers the enclosing level sends and this block silently loses.</summary>
    /// <remarks>A header counts as dropped when the inherited set sends it, the scope does not, and the scope's own <c>add_header</c> does not name it.</remarks>
    public static IReadOnlyList<string> Dropped(HeaderScope scope) =>
        SecurityHeadersByMask[scope.InheritedSent & ~scope.EffectiveSent & ~scope.OwnNamed];

    /// <summary>Returns the bit of a security header name, compared without regard to case, or 0 for any other name.</summary>
    internal static int SecurityHeaderBit(string name)
    {
        for (var i = 0; i < SecurityHeaderNames.Length; i++)
        {
            if (string.Equals(name, SecurityHeaderNames[i], StringComparison.OrdinalIgnoreCase))
            {
                return 1 << i;
            }
        }

        return 0;
    }

    /// <summary>Returns the bits of the security headers that a list sends, leaving out those with an empty value.</summary>
    internal static int SentMask(IReadOnlyList<AddedHeader> headers)
    {
        var mask = 0;
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].IsSent)
            {
                mask |= headers[i].SecurityHeaderBit;
            }
        }

        return mask;
    }

    /// <summary>Returns the bits of the security headers that a list names, sent or not.</summary>
    internal static int NamedMask(IReadOnlyList<AddedHeader> headers)
    {
        var mask = 0;
        for (var i = 0; i < headers.Count; i++)
        {
            mask |= headers[i].SecurityHeaderBit;
        }

        return mask;
    }

    private static IReadOnlyList<string>[] ListsByMask()
    {
        var lists = new IReadOnlyList<string>[1 << SecurityHeaderNames.Length];
        for (var mask = 0; mask < lists.Length; mask++)
        {
            var names = new List<string>();
            for (var i = 0; i < SecurityHeaderNames.Length; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    names.Add(SecurityHeaderNames[i]);
                }
            }

            lists[mask] = names.Count == 0 ? Array.Empty<string>() : names.ToArray();
        }

        return lists;
    }

    /// <summary>Joins names as a sentence lists them: "A", "A and B", "A, B and C".</summary>
    public static string JoinNames(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];

    /// <summary>Adds the scope of <paramref name="block"/>, then those nested in it depth first.</summary>
    private static void Walk(NginxDirective block, HeaderScope? parent, IReadOnlyList<AddedHeader> inherited, int inheritedSent, InheritMode enclosingMode, bool readsInherit, List<HeaderScope> scopes)
    {
        var mode = readsInherit ? ModeOf(block.Children, enclosingMode) : InheritMode.On;
        var scope = Scope(block, parent, inherited, inheritedSent, mode, out var hasNestedScope);
        scopes.Add(scope);
        if (!hasNestedScope)
        {
            return;
        }

        var children = block.Children;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (IsNestedScope(block, child))
            {
                Walk(child, scope, scope.Effective, scope.EffectiveSent, mode, readsInherit, scopes);
            }
        }
    }

    /// <summary>nginx allows <c>add_header</c> in <c>if</c> only inside a location, not in a server.</summary>
    private static bool IsNestedScope(NginxDirective block, NginxDirective child) =>
        child.BlockKind == NginxBlockKind.Directives
        && (child.Name == "location" || (child.Name == "if" && block.Name == "location"));

    private static HeaderScope Scope(NginxDirective block, HeaderScope? parent, IReadOnlyList<AddedHeader> inherited, int inheritedSent, InheritMode mode, out bool hasNestedScope)
    {
        var own = Own(block, out hasNestedScope);
        var ownSent = SentMask(own);
        return mode switch
        {
            InheritMode.Off => new HeaderScope(block, parent, own, own, Array.Empty<AddedHeader>(), ownSent, 0),
            InheritMode.Merge => new HeaderScope(block, parent, own, inherited.Concat(own).ToList(), inherited, inheritedSent | ownSent, inheritedSent),
            _ => own.Count > 0
                ? new HeaderScope(block, parent, own, own, inherited, ownSent, inheritedSent)
                : new HeaderScope(block, parent, own, inherited, inherited, inheritedSent, inheritedSent),
        };
    }

    /// <summary>
    /// Returns a level's <c>add_header</c> directives; a form nginx rejects adds nothing. Most levels have
    /// none, and those share one empty list.
    /// </summary>
    private static IReadOnlyList<AddedHeader> Own(IReadOnlyList<NginxDirective> level) => Own(level, block: null, out _);

    /// <summary>
    /// Returns the <c>add_header</c> directives of a block, and whether it has a nested scope. Most locations have
    /// none, so the same pass that finds the headers spares them a second walk of their directives.
    /// </summary>
    private static IReadOnlyList<AddedHeader> Own(NginxDirective block, out bool hasNestedScope) => Own(block.Children, block, out hasNestedScope);

    private static IReadOnlyList<AddedHeader> Own(IReadOnlyList<NginxDirective> level, NginxDirective? block, out bool hasNestedScope)
    {
        hasNestedScope = false;
        List<AddedHeader>? own = null;
        for (var i = 0; i < level.Count; i++)
        {
            var directive = level[i];
            if (directive.Name == "add_header" && !directive.HasBlock && directive.Arguments.Count is 2 or 3)
            {
                (own ??= new List<AddedHeader>()).Add(new AddedHeader(directive));
            }
            else if (block is not null && IsNestedScope(block, directive))
            {
                hasNestedScope = true;
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
