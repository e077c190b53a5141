using System.Collections.Immutable;
using System.Globalization;
using NodaTime.Text;

namespace ExNunc.Domain.Rules;

/// <summary>
/// Parses the condition language of kb/ (docs/kb-format.md, "Conditions"):
/// <c>or</c> binds looser than <c>and</c>, which binds looser than <c>not</c> and comparisons.
/// </summary>
public sealed class ConditionParser
{
    private enum T { Name, Number, Date, Text, LParen, RParen, LBracket, RBracket, Comma, Op, End }

    private readonly record struct Token(T Kind, string Text, int Pos);

    private readonly List<Token> _tokens = [];
    private int _i;

    private ConditionParser(string text) => Tokenize(text);

    /// <summary>How deeply parentheses and calls may nest; deeper input is refused, not a stack overflow.</summary>
    public const int MaxNesting = 64;

    private int _depth;

    public static (Expr? Expr, ConditionError? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var p = new ConditionParser(text);
            var e = p.ParseOr();
            if (p.Peek.Kind != T.End) throw Fail($"Unexpected '{p.Peek.Text}'.", p.Peek.Pos);
            return (e, null);
        }
        catch (ParseFailure f)
        {
            return (null, f.Error);
        }
    }

    private Token Peek => _tokens[_i];
    private Token Next() => _tokens[_i++];

    private bool IsWord(string word) => Peek.Kind == T.Name && Peek.Text == word;

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (IsWord("or"))
        {
            var pos = Next().Pos;
            left = new OrExpr(left, ParseAnd(), pos);
        }
        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseUnary();
        while (IsWord("and"))
        {
            var pos = Next().Pos;
            left = new AndExpr(left, ParseUnary(), pos);
        }
        return left;
    }

    private Expr ParseUnary()
    {
        if (IsWord("not"))
        {
            var pos = Next().Pos;
            return new NotExpr(ParseUnary(), pos);
        }
        return ParseComparison();
    }

    private Expr ParseComparison()
    {
        var left = ParsePrimary();
        var tok = Peek;
        if (tok.Kind == T.Op)
        {
            Next();
            var op = tok.Text switch
            {
                "=" => CompareOp.Eq,
                "!=" => CompareOp.Ne,
                "<" => CompareOp.Lt,
                "<=" => CompareOp.Le,
                ">" => CompareOp.Gt,
                _ => CompareOp.Ge,
            };
            return new CompareExpr(op, left, ParsePrimary(), tok.Pos);
        }
        if (IsWord("in"))
        {
            Next();
            Expect(T.LBracket, "'[' after 'in'");
            var options = ImmutableArray.CreateBuilder<Expr>();
            if (Peek.Kind != T.RBracket)
            {
                options.Add(ParsePrimary());
                while (Peek.Kind == T.Comma) { Next(); options.Add(ParsePrimary()); }
            }
            Expect(T.RBracket, "']' to close the list");
            return new InExpr(left, options.ToImmutable(), tok.Pos);
        }
        if (IsWord("contains"))
        {
            Next();
            return new ContainsExpr(left, ParsePrimary(), tok.Pos);
        }
        if (IsWord("is"))
        {
            Next();
            var negate = false;
            if (IsWord("not")) { Next(); negate = true; }
            var w = Next();
            var test = w.Text switch
            {
                "known" => negate ? TestKind.Unknown : TestKind.Known,
                "unknown" => negate ? TestKind.Known : TestKind.Unknown,
                "empty" => negate ? TestKind.NotEmpty : TestKind.Empty,
                _ => throw Fail($"Expected 'known', 'unknown' or 'empty' after 'is', found '{w.Text}'.", w.Pos),
            };
            return new TestExpr(test, left, tok.Pos);
        }
        return left;
    }

    private Expr ParsePrimary()
    {
        var tok = Next();
        if (++_depth > MaxNesting) throw Fail($"The condition nests more than {MaxNesting} levels deep.", tok.Pos);
        try
        {
            return Primary(tok);
        }
        finally
        {
            _depth--;
        }
    }

    private Expr Primary(Token tok)
    {
        switch (tok.Kind)
        {
            case T.LParen:
                var inner = ParseOr();
                Expect(T.RParen, "')'");
                return inner;
            case T.Number:
                return new LiteralExpr(Value.Number(decimal.Parse(tok.Text, CultureInfo.InvariantCulture)), tok.Pos);
            case T.Date:
                var d = LocalDatePattern.Iso.Parse(tok.Text);
                if (!d.Success) throw Fail($"'{tok.Text}' is not a valid date.", tok.Pos);
                return new LiteralExpr(Value.Date(d.Value), tok.Pos);
            case T.Text:
                return new LiteralExpr(Value.Text(tok.Text), tok.Pos);
            case T.Name when tok.Text is "true" or "false":
                return new LiteralExpr(Value.Bool(tok.Text == "true"), tok.Pos);
            case T.Name when tok.Text is "and" or "or" or "in" or "is" or "contains" or "not":
                throw Fail($"Expected a value, found '{tok.Text}'.", tok.Pos);
            case T.Name when Peek.Kind == T.LParen:
                Next();
                var args = ImmutableArray.CreateBuilder<Expr>();
                if (Peek.Kind != T.RParen)
                {
                    args.Add(ParseOr());
                    while (Peek.Kind == T.Comma) { Next(); args.Add(ParseOr()); }
                }
                Expect(T.RParen, "')' to close the call");
                return new CallExpr(tok.Text, args.ToImmutable(), tok.Pos);
            case T.Name:
                return new NameExpr(tok.Text, tok.Pos);
            case T.End:
                throw Fail("The condition ends too early.", tok.Pos);
            default:
                throw Fail($"Unexpected '{tok.Text}'.", tok.Pos);
        }
    }

    private void Expect(T kind, string what)
    {
        if (Peek.Kind != kind) throw Fail($"Expected {what}, found '{(Peek.Kind == T.End ? "end of condition" : Peek.Text)}'.", Peek.Pos);
        Next();
    }

    private void Tokenize(string s)
    {
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            switch (c)
            {
                case '(': Add(T.LParen, "(", i++); continue;
                case ')': Add(T.RParen, ")", i++); continue;
                case '[': Add(T.LBracket, "[", i++); continue;
                case ']': Add(T.RBracket, "]", i++); continue;
                case ',': Add(T.Comma, ",", i++); continue;
                case '=': Add(T.Op, "=", i++); continue;
                case '!' when i + 1 < s.Length && s[i + 1] == '=': Add(T.Op, "!=", i); i += 2; continue;
                case '<' or '>':
                    var op = i + 1 < s.Length && s[i + 1] == '=' ? c + "=" : c.ToString();
                    Add(T.Op, op, i);
                    i += op.Length;
                    continue;
                case '"' or '\'':
                    var close = s.IndexOf(c, i + 1);
                    if (close < 0) throw Fail("A quoted text is not closed.", i);
                    Add(T.Text, s.Substring(i + 1, close - i - 1), i);
                    i = close + 1;
                    continue;
            }
            if (char.IsAsciiDigit(c))
            {
                while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] is '-' or '.')) i++;
                var text = s[start..i];
                var kind = text.Length == 10 && text[4] == '-' && text[7] == '-' ? T.Date : T.Number;
                if (kind == T.Number && !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                    throw Fail($"'{text}' is neither a number nor a date written YYYY-MM-DD.", start);
                Add(kind, text, start);
                continue;
            }
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '_' or '-' or '.')) i++;
                Add(T.Name, s[start..i], start);
                continue;
            }
            throw Fail($"Unexpected character '{c}'.", i);
        }
        Add(T.End, "", s.Length);
    }

    private void Add(T kind, string text, int pos) => _tokens.Add(new Token(kind, text, pos));

    private static ParseFailure Fail(string message, int pos) => new(new ConditionError("condition.syntax", message, pos));

    private sealed class ParseFailure(ConditionError error) : Exception(error.Message)
    {
        public ConditionError Error { get; } = error;
    }
}
