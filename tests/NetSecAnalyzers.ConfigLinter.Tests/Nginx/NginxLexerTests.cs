using System.Collections.Generic;
using System.Linq;
using System.Text;
using NetSecAnalyzers.ConfigLinter.Nginx.Syntax;

namespace NetSecAnalyzers.ConfigLinter.Tests.Nginx;

public class NginxLexerTests
{
    [Fact]
    public void RightBraceInsideBareWord_StaysInWord()
    {
        var words = Words("return 200 foo}bar;");

        Assert.Equal(new[] { "return", "200", "foo}bar", ";" }, words);
    }

    [Fact]
    public void RightBraceAtWordStart_EndsBlock()
    {
        var words = Words("location / { return 200 ok; }");

        Assert.Equal(new[] { "location", "/", "{", "return", "200", "ok", ";", "}" }, words);
    }

    [Fact]
    public void FormFeed_IsNotWhitespace()
    {
        var words = Words("server_tokens\foff;");

        Assert.Equal(new[] { "server_tokens\foff", ";" }, words);
    }

    [Fact]
    public void HashInsideWord_IsNotComment()
    {
        var words = Words("add_header X-A a#b; # trailing comment\n");

        Assert.Equal(new[] { "add_header", "X-A", "a#b", ";" }, words);
    }

    [Fact]
    public void CommentBetweenArguments_IsSkipped()
    {
        var words = Words("log_format main # comment (with \"quotes\" and ;)\n  '$remote_addr';");

        Assert.Equal(new[] { "log_format", "main", "$remote_addr", ";" }, words);
    }

    [Fact]
    public void BracedVariable_DoesNotOpenBlock()
    {
        var words = Words("set $x ${host}suffix;");

        Assert.Equal(new[] { "set", "$x", "${host}suffix", ";" }, words);
    }

    [Fact]
    public void BraceAfterVariableName_OpensBlock()
    {
        var words = Words("location ~ ^/a$b{ }");

        Assert.Equal(new[] { "location", "~", "^/a$b", "{", "}" }, words);
    }

    [Fact]
    public void QuotedStrings_DecodeNginxEscapes()
    {
        var tokens = Tokens("""x 'it\'s' "say \"hi\"" "a\tb\\c" "\d";""");

        Assert.Equal("it's", tokens[1].Text);
        Assert.Equal('\'', tokens[1].Quote);
        Assert.Equal("say \"hi\"", tokens[2].Text);
        Assert.Equal("a\tb\\c", tokens[3].Text);
        Assert.Equal("\\d", tokens[4].Text);
    }

    [Fact]
    public void BackslashOutsideQuotes_KeepsOrDecodes()
    {
        var tokens = Tokens("add_header X a\\ b tab\\there;");

        Assert.Equal("a\\ b", tokens[2].Text);
        Assert.Equal("tab\there", tokens[3].Text);
    }

    [Fact]
    public void EscapedSemicolon_StaysInWord()
    {
        var words = Words("env LUA_PATH=\\;\\;/opt/?.lua;");

        Assert.Equal(new[] { "env", "LUA_PATH=\\;\\;/opt/?.lua", ";" }, words);
    }

    [Fact]
    public void QuotedString_SpansLinesWithPunctuation()
    {
        var tokens = Tokens("return 200 \"a;\n{b}\nc\";\nnext;");

        Assert.Equal("a;\n{b}\nc", tokens[2].Text);
        Assert.Equal(3, tokens[2].Location.EndLine);
        Assert.Equal("next", tokens[3].Text);
        Assert.Equal(4, tokens[3].Line);
    }

    [Fact]
    public void ParenthesisAfterClosingQuote_StartsWord()
    {
        var words = Words("if ($a = \"b\") { }");

        Assert.Equal(new[] { "if", "($a", "=", "b", ")", "{", "}" }, words);
    }

    [Fact]
    public void IfCondition_KeepsParentheses()
    {
        var words = Words("if ($http_user_agent ~* (foo|bar)) { }");

        Assert.Equal(new[] { "if", "($http_user_agent", "~*", "(foo|bar))", "{", "}" }, words);
    }

    [Fact]
    public void CharacterAfterClosingQuote_IsError()
    {
        var errors = new List<(string Message, int Offset)>();

        Words("return 200 \"left\"-quote;", errors);

        var error = Assert.Single(errors);
        Assert.Equal("unexpected \"-\"", error.Message);
        Assert.Equal(17, error.Offset);
    }

    [Fact]
    public void AdjacentQuotedStrings_AreError()
    {
        var errors = new List<(string Message, int Offset)>();

        Words("return 200 'a''b';", errors);

        Assert.Equal("unexpected \"'\"", Assert.Single(errors).Message);
    }

    [Fact]
    public void QuotedWordOf4096Bytes_IsTooLong()
    {
        var errors = new List<(string Message, int Offset)>();

        Words("return 200 \"" + new string('x', 4096) + "\";\n", errors);

        Assert.Equal("too long parameter, probably missing terminating \"\"\" character", Assert.Single(errors).Message);
    }

    [Fact]
    public void QuotedWordOf4095Bytes_IsAccepted()
    {
        var errors = new List<(string Message, int Offset)>();

        Words("return 200 \"" + new string('x', 4095) + "\";\n", errors);

        Assert.Empty(errors);
    }

    [Fact]
    public void CommentOf4096Bytes_IsTooLong()
    {
        var errors = new List<(string Message, int Offset)>();

        Words("#" + new string('x', 4095) + "\nevents {}\n", errors);

        var error = Assert.Single(errors);
        Assert.Equal("too long parameter \"#xxxxxxxxx...\" started", error.Message);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void MultiByteWord_CountsBytesNotCharacters()
    {
        var errors = new List<(string Message, int Offset)>();

        // 1366 three-byte characters are 4098 bytes but only 1366 UTF-16 code units.
        Words("return 200 " + new string('\u20AC', 1366) + ";\n", errors);

        Assert.StartsWith("too long parameter \"", Assert.Single(errors).Message);
    }

    [Fact]
    public void ByteOrderMark_StaysInFirstWord()
    {
        var tokens = Tokens(Encoding.UTF8.GetString(new byte[] { 0xEF, 0xBB, 0xBF }) + "events {}");

        Assert.Equal("\uFEFFevents", tokens[0].Text);
    }

    [Fact]
    public void NonUtf8Bytes_AreReadByteForByte()
    {
        var bytes = Encoding.ASCII.GetBytes("add_header X caf\u0000;").ToArray();
        bytes[16] = 0xE9;
        var source = NginxSourceText.FromBytes("latin1.conf", bytes);

        var tokens = new List<NginxToken>();
        var lexer = new NginxLexer(source, (_, _) => { });
        for (var lexeme = lexer.Next(); lexeme.Kind != NginxLexemeKind.EndOfFile; lexeme = lexer.Next())
        {
            if (lexeme.Kind == NginxLexemeKind.Word)
            {
                tokens.Add(lexeme.Token);
            }
        }

        Assert.Equal("caf\u00E9", tokens[2].Text);
    }

    [Fact]
    public void Positions_AreOneBasedWithUtf16Columns()
    {
        var tokens = Tokens("# \U0001F600\r\n  listen 443;");

        var listen = tokens[0];
        Assert.Equal(2, listen.Line);
        Assert.Equal(3, listen.Column);
        Assert.Equal(9, listen.Location.EndColumn);
        Assert.Equal(10, tokens[1].Column);
    }

    [Fact]
    public void QuotedToken_LocationIncludesQuotes()
    {
        var token = Tokens("x \"ab\";")[1];

        Assert.Equal(3, token.Column);
        Assert.Equal(7, token.Location.EndColumn);
        Assert.True(token.IsQuoted);
    }

    [Fact]
    public void LuaBlock_SkipsBracesInStringsAndComments()
    {
        var source = NginxSourceText.FromString("lua.conf", "content_by_lua_block { local a = '}' -- }\n local b = [[ } ]] --[==[ } ]==]\n if x then y = { 1 } end } next;");
        var lexer = new NginxLexer(source, (_, _) => { });
        lexer.Next();
        lexer.Next();

        var body = lexer.ReadLuaBlock();

        Assert.NotNull(body);
        Assert.EndsWith("y = { 1 } end ", body);
        Assert.Equal("next", lexer.Next().Token.Text);
    }

    [Fact]
    public void BareWord_WithEscapedLineFeed()
    {
        var tokens = Tokens("set $a x\\\ny z;");

        var word = tokens[2];
        Assert.Equal("x\\\ny", word.Text);
        Assert.Equal(1, word.Line);
        Assert.Equal(8, word.Column);
        Assert.Equal(2, word.Location.EndLine);
        Assert.Equal(2, word.Location.EndColumn);
        Assert.Equal(2, tokens[3].Line);
        Assert.Equal(3, tokens[3].Column);
    }

    [Fact]
    public void QuotedWord_WithEscapedLineFeed()
    {
        var tokens = Tokens("a \"b\\\nc\" d;");

        Assert.Equal("b\\\nc", tokens[1].Text);
        Assert.Equal(2, tokens[1].Location.EndLine);
        Assert.Equal(3, tokens[1].Location.EndColumn);
        Assert.Equal(2, tokens[2].Line);
        Assert.Equal(4, tokens[2].Column);
    }

    [Fact]
    public void QuotedWord_SpanningLines()
    {
        var tokens = Tokens("  x 'a\n\nbc' y;");

        var quoted = tokens[1];
        Assert.Equal(1, quoted.Line);
        Assert.Equal(5, quoted.Column);
        Assert.Equal(3, quoted.Location.EndLine);
        Assert.Equal(4, quoted.Location.EndColumn);
        Assert.Equal(3, tokens[2].Line);
        Assert.Equal(5, tokens[2].Column);
    }

    [Fact]
    public void UnclosedQuote_EndsAtEndOfFile()
    {
        var source = NginxSourceText.FromString("open.conf", "x;\n  y \"a\nb");
        var lexer = new NginxLexer(source, (_, _) => { });
        lexer.Next();
        lexer.Next();
        lexer.Next();

        var quoted = lexer.Next().Token;

        Assert.Equal("a\nb", quoted.Text);
        Assert.Equal(2, quoted.Line);
        Assert.Equal(5, quoted.Column);
        Assert.Equal(3, quoted.Location.EndLine);
        Assert.Equal(2, quoted.Location.EndColumn);
        Assert.Equal(7, lexer.UnclosedQuoteOffset);
        Assert.Equal(NginxLexemeKind.EndOfFile, lexer.Next().Kind);
    }

    [Fact]
    public void CarriageReturn_DoesNotStartLine()
    {
        var tokens = Tokens("a\rb\r\nc");

        Assert.Equal(1, tokens[1].Line);
        Assert.Equal(3, tokens[1].Column);
        Assert.Equal(2, tokens[2].Line);
        Assert.Equal(1, tokens[2].Column);
    }

    [Fact]
    public void Comments_HaveLinesAndColumns()
    {
        var lexer = new NginxLexer(NginxSourceText.FromString("comments.conf", "# one\n  x; # two\n"), (_, _) => { });
        while (lexer.Next().Kind != NginxLexemeKind.EndOfFile)
        {
        }

        Assert.Equal(2, lexer.Comments.Count);
        Assert.Equal(" two", lexer.Comments[1].Text);
        Assert.Equal(2, lexer.Comments[1].Line);
        Assert.Equal(6, lexer.Comments[1].Column);
        Assert.Equal(11, lexer.Comments[1].Location.EndColumn);
    }

    [Fact]
    public void LuaBlockSpanningLines_KeepsLaterPositions()
    {
        var source = NginxSourceText.FromString("lua.conf", "content_by_lua_block {\n  a = '\\\n}'\n  -- }\n}\n  next;");
        var lexer = new NginxLexer(source, (_, _) => { });
        lexer.Next();
        lexer.Next();

        Assert.NotNull(lexer.ReadLuaBlock());
        var next = lexer.Next().Token;

        Assert.Equal("next", next.Text);
        Assert.Equal(6, next.Line);
        Assert.Equal(3, next.Column);
    }

    [Fact]
    public void LongEscapedWord_IsDecoded()
    {
        var raw = string.Concat(Enumerable.Repeat("a\\t", 200));

        var word = Tokens("x " + raw + ";")[1];

        Assert.Equal(string.Concat(Enumerable.Repeat("a\t", 200)), word.Text);
        Assert.Equal(603, word.Location.EndColumn);
    }

    [Fact]
    public void SourceText_MapsOffsetsToLinesAndColumns()
    {
        var source = NginxSourceText.FromString("map.conf", "ab\ncd\r\n\nef");

        Assert.Equal(1, source.GetLine(0));
        Assert.Equal(3, source.GetColumn(2));
        Assert.Equal(2, source.GetLine(3));
        Assert.Equal(1, source.GetColumn(3));
        Assert.Equal(3, source.GetColumn(5));
        Assert.Equal(3, source.GetLine(7));
        Assert.Equal(4, source.GetLine(9));
        Assert.Equal(2, source.GetColumn(9));
    }

    private static List<NginxToken> Tokens(string text) =>
        Lex(text, new List<(string, int)>()).Where(lexeme => lexeme.Kind == NginxLexemeKind.Word).Select(lexeme => lexeme.Token).ToList();

    private static List<string> Words(string text, List<(string Message, int Offset)>? errors = null) =>
        Lex(text, errors ?? new List<(string, int)>()).Select(Describe).ToList();

    private static string Describe(NginxLexeme lexeme) => lexeme.Kind switch
    {
        NginxLexemeKind.Word => lexeme.Token.Text,
        NginxLexemeKind.Semicolon => ";",
        NginxLexemeKind.BlockStart => "{",
        _ => "}",
    };

    private static IEnumerable<NginxLexeme> Lex(string text, List<(string Message, int Offset)> errors)
    {
        var lexer = new NginxLexer(NginxSourceText.FromString("test.conf", text), (message, offset) => errors.Add((message, offset)));
        var lexemes = new List<NginxLexeme>();
        for (var lexeme = lexer.Next(); lexeme.Kind != NginxLexemeKind.EndOfFile; lexeme = lexer.Next())
        {
            lexemes.Add(lexeme);
        }

        return lexemes;
    }
}
