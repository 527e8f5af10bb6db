using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetSecAnalyzers.ConfigLinter.Diagnostics;
using NetSecAnalyzers.ConfigLinter.Workspace;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

/// <summary>
/// Builds the directive tree of one main file and the files it includes, following nginx's
/// <c>ngx_conf_parse</c>. Like nginx it reports only the first syntax error of each file. Unlike nginx it
/// then reads on, so that later statements, later files and the rules still get a tree.
/// </summary>
internal sealed class NginxParser
{
    /// <summary>A guard against include fan-out (every file including every other), not a limit nginx has.</summary>
    private const int MaxFilesRead = 10_000;

    /// <summary>
    /// A guard against running out of stack on hostile input: blocks and includes nested deeper than this
    /// end the file. nginx has no such limit, but no real configuration comes near it.
    /// </summary>
    private const int MaxNesting = 200;

    private readonly DiagnosticBag diagnostics;
    private readonly NginxFileCache fileCache;
    private readonly string mainDirectory;
    private readonly string mainFolderFullPath;
    private readonly string nginxPrefix;
    private readonly HashSet<string> filesBeingRead = new(PathComparison.Comparer);
    private readonly List<NginxFile> files = new();
    private readonly Stack<List<NginxToken>> spareWordLists = new();
    private readonly Dictionary<string, string> resolvedPatterns = new(StringComparer.Ordinal);

    // The blocks being read, innermost last, each with the directives read so far. A block's children are
    // collected here and stored as an array of the exact size when the block ends, because lists that grow
    // by doubling, one per block, were a large share of what a big configuration allocated.
    private readonly List<(NginxDirective? Block, List<NginxDirective> Children)> openBlocks = new();
    private readonly Stack<List<NginxDirective>> spareChildLists = new();
    private bool fileLimitReported;
    private int directivesCreated;
    private int nesting;

    /// <param name="mainPath">The main file; relative includes and includes under the prefix resolve against its folder.</param>
    /// <param name="nginxPrefix">The deployment's configuration folder, as <see cref="LintOptions.NginxPrefix"/>.</param>
    /// <param name="diagnostics">Receives read problems.</param>
    /// <param name="fileCache">The file system lookups of the lint run, shared by every configuration it reads.</param>
    public NginxParser(string mainPath, string nginxPrefix, DiagnosticBag diagnostics, NginxFileCache fileCache)
    {
        this.diagnostics = diagnostics;
        this.fileCache = fileCache;
        mainDirectory = Path.GetDirectoryName(mainPath) ?? string.Empty;
        mainFolderFullPath = SafeFullPath(mainDirectory.Length == 0 ? "." : mainDirectory);
        this.nginxPrefix = nginxPrefix.Length == 0 || nginxPrefix.EndsWith("/", StringComparison.Ordinal) ? nginxPrefix : nginxPrefix + "/";
    }

    public IReadOnlyList<NginxFile> Files => files;

    /// <summary>Reads the main file; <paramref name="source"/> is null when it could not be read.</summary>
    public NginxFile ParseMain(NginxSourceText source)
    {
        var file = new NginxFile(source.Path, Array.Empty<NginxDirective>());
        ParseFile(source, file, new FileTopLevel(file, outer: null, block: null));
        return file;
    }

    private void ParseFile(NginxSourceText source, NginxFile file, FileTopLevel topLevel)
    {
        files.Add(file);
        var fullPath = fileCache.RealPath(source.Path);
        filesBeingRead.Add(fullPath);
        try
        {
            if (source.StartsWithByteOrderMark)
            {
                diagnostics.Notify(new LintNotification(
                    NginxNotificationCodes.ByteOrderMark,
                    NotificationLevel.Error,
                    "the file starts with a UTF-8 byte order mark, which nginx reads as part of the first directive name, so it rejects that directive as unknown; save the file without the mark",
                    SourceLocation.OnLine(source.Path, 1, 1, 1)));
            }

            var state = new FileState(source, file, diagnostics);
            var recording = source.Recording;
            var lexer = recording is null
                ? new NginxLexer(source, state.ReportSyntaxError, fileCache.Words, record: source.CountReadAndCheckRecording())
                : NginxLexer.Replay(source, recording);
            ParseBlock(lexer, state, topLevel.Parent, topLevel);
            file.Comments = lexer.Comments;
            if (recording is null && lexer.FinishRecording() is { } finished)
            {
                source.Recording = finished;
            }
        }
        finally
        {
            filesBeingRead.Remove(fullPath);
        }
    }

    /// <summary>Reads statements up to the block's <c>}</c>; returns false when the file ended first.</summary>
    private bool ParseBlock(NginxLexer lexer, FileState state, NginxDirective? parent, FileTopLevel? topLevel)
    {
        if (nesting >= MaxNesting)
        {
            state.ReportSyntaxError("blocks and includes are nested more than " + MaxNesting + " deep; the rest of the file is not read", lexer.Next().Offset);
            return false;
        }

        nesting++;
        try
        {
            return ParseStatements(lexer, state, parent, topLevel);
        }
        finally
        {
            nesting--;
        }
    }

    private bool ParseStatements(NginxLexer lexer, FileState state, NginxDirective? parent, FileTopLevel? topLevel)
    {
        // Every block needs a list for the words of its current statement, and a large set has hundreds of
        // thousands of blocks, so the lists of finished blocks are reused.
        var words = spareWordLists.Count > 0 ? spareWordLists.Pop() : new List<NginxToken>();
        try
        {
            return ParseStatements(lexer, state, parent, topLevel, words);
        }
        finally
        {
            words.Clear();
            spareWordLists.Push(words);
        }
    }

    private bool ParseStatements(NginxLexer lexer, FileState state, NginxDirective? parent, FileTopLevel? topLevel, List<NginxToken> words)
    {
        var isFileTopLevel = topLevel is not null;
        while (true)
        {
            var lexeme = lexer.Next();
            switch (lexeme.Kind)
            {
                case NginxLexemeKind.Word:
                    words.Add(lexeme.Token);
                    break;

                case NginxLexemeKind.Semicolon:
                    if (words.Count == 0)
                    {
                        state.ReportSyntaxError("unexpected \";\"", lexeme.Offset);
                        break;
                    }

                    AddSimpleDirective(state, parent, topLevel, words);
                    words.Clear();
                    break;

                case NginxLexemeKind.BlockStart:
                    if (!ParseBlockDirective(lexer, state, parent, topLevel, words, lexeme.Offset))
                    {
                        return false;
                    }

                    words.Clear();
                    break;

                case NginxLexemeKind.BlockEnd:
                    if (words.Count != 0)
                    {
                        state.ReportSyntaxError("unexpected \"}\"", lexeme.Offset);
                        words.Clear();
                    }

                    if (!isFileTopLevel)
                    {
                        return true;
                    }

                    state.ReportSyntaxError("unexpected \"}\"", lexeme.Offset);
                    break;

                default:
                    if (words.Count != 0)
                    {
                        state.ReportSyntaxError("unexpected end of file, expecting \";\" or \"}\"" + DescribeUnclosedQuote(lexer), lexeme.Offset);
                    }
                    else if (!isFileTopLevel)
                    {
                        state.ReportSyntaxError("unexpected end of file, expecting \"}\"", lexeme.Offset);
                    }

                    return false;
            }
        }
    }

    private void AddSimpleDirective(FileState state, NginxDirective? parent, FileTopLevel? topLevel, List<NginxToken> words)
    {
        var directive = new NginxDirective(state.File, parent, words, ++directivesCreated);
        AddToContainer(directive, parent, topLevel);
        if (parent?.BlockKind != NginxBlockKind.Entries && NginxBlockRules.RequiresBlock(directive.Name, parent))
        {
            state.ReportSyntaxError("directive \"" + directive.Name + "\" has no opening \"{\"", directive.NameToken.Location);
        }

        if (directive.Name == "listen" && parent?.BlockKind != NginxBlockKind.Entries)
        {
            NginxListenParameters.Check(directive, diagnostics);
        }

        if (directive.Name == "include")
        {
            Include(directive, state, parent, topLevel);
        }
    }

    /// <summary>
    /// Returns a note on where an unclosed quote opened, for the end-of-file error: nginx reports only the
    /// end of the file, which can be far from the quote that caused it.
    /// </summary>
    private static string DescribeUnclosedQuote(NginxLexer lexer)
    {
        if (lexer.UnclosedQuoteOffset is not int offset)
        {
            return string.Empty;
        }

        var source = lexer.Source;
        return " (the quoted string that starts at " + source.GetLine(offset) + ":" + source.GetColumn(offset) + " is not closed)";
    }

    /// <summary>Reads a block after its <c>{</c>; returns false when the file ended inside it.</summary>
    private bool ParseBlockDirective(NginxLexer lexer, FileState state, NginxDirective? parent, FileTopLevel? topLevel, List<NginxToken> words, int braceOffset)
    {
        var insideEntryReader = parent is not null && parent.BlockKind == NginxBlockKind.Entries && NginxBlockRules.RejectsNestedBlocks(parent.Name);
        if (words.Count == 0 || insideEntryReader)
        {
            // nginx stops here; the block is read and dropped so that its braces stay balanced.
            state.ReportSyntaxError("unexpected \"{\"", braceOffset);
            var discarded = words.Count == 0 ? null : new NginxDirective(state.File, parent, words, ++directivesCreated);
            if (discarded is not null)
            {
                discarded.BlockKind = NginxBlockKind.Directives;
            }

            return ParseNestedBlock(lexer, state, discarded);
        }

        var directive = new NginxDirective(state.File, parent, words, ++directivesCreated);
        AddToContainer(directive, parent, topLevel);
        CheckBraceAfterWord(state, braceOffset);
        if (parent?.BlockKind != NginxBlockKind.Entries && NginxBlockRules.RejectsBlock(directive.Name))
        {
            state.ReportSyntaxError("directive \"" + directive.Name + "\" is not terminated by \";\"", directive.NameToken.Location);
        }

        if (NginxBlockRules.IsLuaBlock(directive.Name))
        {
            directive.BlockKind = NginxBlockKind.Opaque;
            directive.OpaqueBody = lexer.ReadLuaBlock();
            if (directive.OpaqueBody is null)
            {
                state.ReportSyntaxError("unexpected end of file, expecting \"}\"", lexer.Source.Text.Length);
                return false;
            }

            return true;
        }

        directive.BlockKind = NginxBlockRules.GetBlockKind(directive.Name);
        return ParseNestedBlock(lexer, state, directive);
    }

    /// <summary>Reads the inside of a block directive (or of a block read after an error, when null) and stores its children.</summary>
    private bool ParseNestedBlock(NginxLexer lexer, FileState state, NginxDirective? block)
    {
        var children = spareChildLists.Count > 0 ? spareChildLists.Pop() : new List<NginxDirective>();
        openBlocks.Add((block, children));
        try
        {
            return ParseBlock(lexer, state, block, topLevel: null);
        }
        finally
        {
            openBlocks.RemoveAt(openBlocks.Count - 1);
            block?.SetChildren(children.ToArray());
            children.Clear();
            spareChildLists.Push(children);
        }
    }

    /// <summary>
    /// Reports a <c>{n,m}</c> regular expression quantifier written without quotes. nginx ends the word at
    /// the <c>{</c> and opens a block, then fails later with a message that hides the cause (an unknown
    /// directive "3}$", a regex that does not compile, or a brace missing at the end of the file).
    /// </summary>
    private static void CheckBraceAfterWord(FileState state, int braceOffset)
    {
        var text = state.Source.Text;
        if (braceOffset == 0 || char.IsWhiteSpace(text[braceOffset - 1]))
        {
            return;
        }

        var i = braceOffset + 1;
        var digits = 0;
        while (i < text.Length && (char.IsDigit(text[i]) || text[i] == ','))
        {
            digits += char.IsDigit(text[i]) ? 1 : 0;
            i++;
        }

        if (digits > 0 && i < text.Length && text[i] == '}')
        {
            state.ReportSyntaxError(
                "unexpected \"{\" inside a word: put the regular expression in quotes, because nginx reads the \"{\" of a {n,m} quantifier as the start of a block",
                braceOffset);
        }
    }

    private void Include(NginxDirective include, FileState state, NginxDirective? parent, FileTopLevel? topLevel)
    {
        if (include.Arguments.Count != 1)
        {
            Notify(NginxNotificationCodes.Include, "invalid number of arguments in \"include\" directive", include.Location);
            return;
        }

        var pattern = include.Arguments[0].Text;
        var resolved = ResolveIncludePath(pattern, include);
        if (resolved is null)
        {
            return;
        }

        IReadOnlyList<string> paths;
        if (NginxGlob.IsPattern(resolved))
        {
            paths = fileCache.ExpandGlob(resolved);
        }
        else if (fileCache.FileExists(resolved))
        {
            paths = new[] { resolved };
        }
        else if (Path.IsPathRooted(pattern) && !fileCache.IsDump)
        {
            NotifyNotChecked(
                "\"" + pattern + "\" is not in the linted folder (looked for \"" + DescribeInMainFolder(resolved) + "\"), so the directives of that file are not checked",
                include.Location);
            return;
        }
        else
        {
            Notify(NginxNotificationCodes.Include, "open() \"" + resolved + "\" failed (2: No such file or directory)", include.Location);
            return;
        }

        var chain = new NginxDirective[state.File.IncludeChain.Count + 1];
        for (var i = 0; i < chain.Length - 1; i++)
        {
            chain[i] = state.File.IncludeChain[i];
        }

        chain[chain.Length - 1] = include;
        foreach (var path in paths)
        {
            if (filesBeingRead.Contains(fileCache.RealPath(path)))
            {
                var cycle = string.Join(" -> ", chain.Select(link => link.FilePath).Concat(new[] { path }).Select(DescribeInMainFolder));
                Notify(NginxNotificationCodes.IncludeCycle, "include cycle: \"" + DescribeInMainFolder(path) + "\" is already being read (" + cycle + "); remove the include that closes the loop", include.Location);
                continue;
            }

            if (files.Count >= MaxFilesRead)
            {
                if (!fileLimitReported)
                {
                    fileLimitReported = true;
                    Notify(NginxNotificationCodes.Include, "more than " + MaxFilesRead + " files read through includes; the rest are skipped", include.Location);
                }

                return;
            }

            var source = TryRead(path, include);
            if (source is null)
            {
                continue;
            }

            var file = new NginxFile(path, chain);
            include.AddIncludedFile(file);
            ParseFile(source, file, new FileTopLevel(file, topLevel, topLevel is null ? parent : null));
        }
    }

    /// <summary>
    /// Returns where to read an include pattern in the linted tree. A relative pattern resolves against the
    /// main file's folder, as nginx resolves it against its prefix. An absolute pattern under the nginx
    /// prefix is read from the same place under that folder. Any other absolute pattern is read only when
    /// it points into that folder, because anything else would read this machine's files, not the
    /// deployment's. Such a pattern is reported as not checked, and null is returned.
    /// </summary>
    private string? ResolveIncludePath(string pattern, NginxDirective include)
    {
        // A snippet is included by hundreds of servers and locations with the same pattern.
        if (resolvedPatterns.TryGetValue(pattern, out var known))
        {
            return known;
        }

        string resolved;
        if (!Path.IsPathRooted(pattern))
        {
            resolved = Path.Combine(mainDirectory, pattern);
        }
        else if (fileCache.IsDump)
        {
            // A dump contains the files of the machine nginx ran on, under their absolute paths.
            resolved = pattern;
        }
        else if (nginxPrefix.Length > 0 && pattern.StartsWith(nginxPrefix, StringComparison.Ordinal))
        {
            resolved = Path.Combine(mainDirectory, pattern.Substring(nginxPrefix.Length));
        }
        else if (IsInsideMainFolder(pattern))
        {
            resolved = pattern;
        }
        else
        {
            NotifyNotChecked(
                "\"" + pattern + "\" is outside the nginx prefix \"" + nginxPrefix + "\" and the linted folder, so it is not read from this machine and its directives are not checked",
                include.Location);
            return null;
        }

        // Collapses "a/../b" so that messages and locations name the file plainly.
        resolved = Path.IsPathRooted(resolved) ? SafeFullPath(resolved) : resolved;
        resolvedPatterns[pattern] = resolved;
        return resolved;
    }

    private bool IsInsideMainFolder(string path) => Output.PathDisplay.Relative(SafeFullPath(path), mainFolderFullPath) is not null;

    /// <summary>Names a path inside the main file's folder relative to that folder, so that messages carry no machine path.</summary>
    private string DescribeInMainFolder(string path)
    {
        var relative = Output.PathDisplay.Relative(SafeFullPath(path), mainFolderFullPath);
        return relative is null ? path : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private void NotifyNotChecked(string message, SourceLocation location) =>
        diagnostics.Notify(new LintNotification(NginxNotificationCodes.IncludeNotChecked, NotificationLevel.Note, message, location));

    /// <summary>Reads a main file, or a file that <paramref name="include"/> names. Returns null when it cannot be read as nginx configuration.</summary>
    internal NginxSourceText? TryRead(string path, NginxDirective? include)
    {
        // Most reads succeed, so the include's location is created only for a message.
        var source = fileCache.Read(path, out var error);
        if (source is null)
        {
            Notify(NginxNotificationCodes.Include, "open() \"" + path + "\" failed (" + error + ")", include?.Location);
            return null;
        }

        if (source.WideEncoding is { } wideEncoding)
        {
            Notify(
                NginxNotificationCodes.BinaryFile,
                "\"" + DescribeInMainFolder(path) + "\" is " + wideEncoding + " text (it starts with a byte order mark), which nginx cannot read; save it as UTF-8",
                ProblemLocation(path, include));
            return null;
        }

        if (TextPrefix.IsBinary(source.Text))
        {
            // Parsing binary data yields a syntax error that hides what the file is.
            Notify(
                NginxNotificationCodes.BinaryFile,
                "\"" + DescribeInMainFolder(path) + "\" is not a text file (it contains NUL bytes), so it is not read as nginx configuration"
                    + (include is null ? string.Empty : "; keep binary files out of included folders"),
                ProblemLocation(path, include));
            return null;
        }

        return source;
    }

    /// <summary>Returns where a problem with a file is reported: at its include, and for a main file at the file's own start.</summary>
    private static SourceLocation ProblemLocation(string path, NginxDirective? include) => include?.Location ?? new SourceLocation(path, 1, 1, 1, 1);

    private void Notify(string code, string message, SourceLocation? location) =>
        diagnostics.Notify(new LintNotification(code, NotificationLevel.Error, message, location));

    internal static string SafeFullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    /// <summary>
    /// Adds a new directive to the block it is written in, or, at a file's top level, to that file and to
    /// the block or file its include sits in. A block read after an error has no parent, and its directives go nowhere.
    /// </summary>
    private void AddToContainer(NginxDirective directive, NginxDirective? parent, FileTopLevel? topLevel)
    {
        if (topLevel is not null)
        {
            topLevel.Add(directive, this);
        }
        else
        {
            AddToOpenBlock(parent, directive);
        }
    }

    /// <summary>
    /// Adds a directive to a block that is being read. Directives only ever go to the innermost open block,
    /// since an included file's top level is read while the block around its include is the innermost.
    /// </summary>
    private void AddToOpenBlock(NginxDirective? block, NginxDirective directive)
    {
        if (block is null)
        {
            return;
        }

        var innermost = openBlocks[openBlocks.Count - 1];
        if (!ReferenceEquals(innermost.Block, block))
        {
            throw new InvalidOperationException("The nginx parser added a directive to a block that is not the innermost one being read.");
        }

        innermost.Children.Add(directive);
    }

    /// <summary>
    /// Where the top-level directives of one file read go. Blocks add to their own children, so only each
    /// file read needs one of these, rather than a delegate per block.
    /// </summary>
    private sealed class FileTopLevel
    {
        private readonly NginxFile file;
        private readonly FileTopLevel? outer;
        private readonly NginxDirective? block;

        /// <param name="file">The file whose top level this is.</param>
        /// <param name="outer">The includer's top level, when the include is at the top level of its file.</param>
        /// <param name="block">Otherwise the block the include is in, or null for the main file.</param>
        public FileTopLevel(NginxFile file, FileTopLevel? outer, NginxDirective? block)
        {
            this.file = file;
            this.outer = outer;
            this.block = block;
        }

        /// <summary>The block the file's top-level directives belong to, across includes; null at the main file's top level.</summary>
        public NginxDirective? Parent => outer is null ? block : outer.Parent;

        public void Add(NginxDirective directive, NginxParser parser)
        {
            file.AddDirective(directive);
            if (outer is not null)
            {
                outer.Add(directive, parser);
            }
            else
            {
                parser.AddToOpenBlock(block, directive);
            }
        }
    }

    /// <summary>The per-file part of the reading state: nginx reports only the first syntax error of a file.</summary>
    private sealed class FileState
    {
        private readonly DiagnosticBag diagnostics;
        private bool errorReported;

        public FileState(NginxSourceText source, NginxFile file, DiagnosticBag diagnostics)
        {
            Source = source;
            File = file;
            this.diagnostics = diagnostics;
        }

        public NginxSourceText Source { get; }

        public NginxFile File { get; }

        public void ReportSyntaxError(string message, int offset)
        {
            var line = Source.GetLine(offset);
            var column = Source.GetColumn(offset);
            ReportSyntaxError(message, SourceLocation.OnLine(Source.Path, line, column, offset < Source.Text.Length ? 1 : 0));
        }

        public void ReportSyntaxError(string message, SourceLocation location)
        {
            if (errorReported)
            {
                return;
            }

            errorReported = true;
            diagnostics.Notify(new LintNotification(NginxNotificationCodes.Syntax, NotificationLevel.Error, message, location));
        }
    }
}
