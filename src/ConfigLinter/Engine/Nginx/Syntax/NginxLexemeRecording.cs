using System.Collections.Generic;

namespace NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

/// <summary>
/// Every lexeme of one file, tokens included, as a lexer returned them up to the end of the file, so that
/// later reads of the same file replay them instead of reading its text again.
/// </summary>
internal sealed class NginxLexemeRecording
{
    public NginxLexemeRecording(NginxLexeme[] lexemes, IReadOnlyList<NginxToken> comments, int? unclosedQuoteOffset)
    {
        Lexemes = lexemes;
        Comments = comments;
        UnclosedQuoteOffset = unclosedQuoteOffset;
    }

    /// <summary>The lexemes in order, the last being the end of the file.</summary>
    public NginxLexeme[] Lexemes { get; }

    public IReadOnlyList<NginxToken> Comments { get; }

    public int? UnclosedQuoteOffset { get; }
}
