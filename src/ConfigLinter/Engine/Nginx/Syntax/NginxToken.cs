using NetSecAnalyzers.ConfigLinter.Diagnostics;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

/// <summary>
/// One word of an nginx configuration file: a directive name or an argument, with its escapes decoded as
/// nginx decodes them, and the region it covers, quotes included.
/// </summary>
public sealed class NginxToken
{
    internal NginxToken(string text, char quote, SourceLocation location)
    {
        Text = text;
        Quote = quote;
        Location = location;
    }

    /// <summary>The value nginx uses: quotes removed, <c>\"</c> <c>\'</c> <c>\\</c> <c>\n</c> <c>\r</c> <c>\t</c> decoded.</summary>
    public string Text { get; }

    /// <summary>The quote character the token was written in, or <c>'\0'</c> for a bare word.</summary>
    public char Quote { get; }

    public bool IsQuoted => Quote != '\0';

    /// <summary>Where the token is written, from its first character (or opening quote) to the end.</summary>
    public SourceLocation Location { get; }

    public string FilePath => Location.FilePath;

    public int Line => Location.StartLine;

    public int Column => Location.StartColumn;

    public override string ToString() => IsQuoted ? Quote + Text + Quote : Text;
}
