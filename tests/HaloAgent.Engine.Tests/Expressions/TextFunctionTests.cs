using static HaloAgent.Engine.Tests.Expressions.ExpressionTestKit;

namespace HaloAgent.Engine.Tests.Expressions;

public sealed class TextFunctionTests
{
    [Theory]
    [InlineData("lower('AbC')", "\"abc\"")]
    [InlineData("lower('ÀÉ')", "\"àé\"")]
    [InlineData("upper('abc')", "\"ABC\"")]
    [InlineData("upper('ẹ')", "\"Ẹ\"")]
    [InlineData("trim('  a b  ')", "\"a b\"")]
    [InlineData("trim('\\t x \\n')", "\"x\"")]
    [InlineData("trim(event.text)", "\"I want to PAY now\"")]
    [InlineData("lower(12.50)", "\"12.5\"")] // non-strings are converted as by string()
    [InlineData("upper(true)", "\"TRUE\"")]
    [InlineData("lower(null)", "null")]
    [InlineData("upper(vars.missing)", "null")]
    [InlineData("trim(null)", "null")]
    public void Lower_upper_trim(string source, string expected) => ShouldEvaluateTo(source, expected);

    [Theory]
    [InlineData("startsWith('hello', 'he')", true)]
    [InlineData("startsWith('hello', 'He')", false)]
    [InlineData("startsWith('hello', '')", true)]
    [InlineData("startsWith('he', 'hello')", false)]
    [InlineData("startsWith(null, 'a')", false)]
    [InlineData("startsWith('a', null)", false)]
    [InlineData("startsWith(lower(event.text), '  i')", true)]
    [InlineData("endsWith('hello', 'lo')", true)]
    [InlineData("endsWith('hello', 'l')", false)]
    [InlineData("endsWith('hello', 'LO')", false)]
    [InlineData("endsWith(12.50, '.5')", true)]
    [InlineData("endsWith(vars.missing, '')", false)]
    public void StartsWith_and_endsWith_are_ordinal(string source, bool expected) => Eval(source).ShouldBe(expected);

    [Theory]
    [InlineData("Ẹ jọ̀ọ́", "e joo")]
    [InlineData("abụọ", "abuo")]
    [InlineData("Crème Brûlée", "creme brulee")]
    [InlineData("ÑANDÚ", "nandu")]
    [InlineData("HELLO world", "hello world")]
    [InlineData("Øre", "øre")] // letters that do not decompose are kept
    [InlineData("한국", "한국")] // Hangul is recomposed, not split into jamo
    [InlineData("", "")]
    public void Fold_removes_diacritics_and_case(string input, string expected) =>
        Eval("fold(x)", Scope($$"""{ "x": {{System.Text.Json.JsonSerializer.Serialize(input)}} }""")).ShouldBe(expected);

    [Theory]
    [InlineData("fold(null)", "null")]
    [InlineData("fold(vars.missing)", "null")]
    [InlineData("fold(10.0)", "\"10\"")]
    public void Fold_of_non_strings(string source, string expected) => ShouldEvaluateTo(source, expected);

    [Theory]
    [InlineData("matchesAny('Ẹ jọ̀ọ́ ṣe', ['joo'])", true)]
    [InlineData("matchesAny('E JOO', ['Ẹ jọ̀ọ́'])", true)]
    [InlineData("matchesAny('abụọ ni', ['ABUO'])", true)]
    [InlineData("matchesAny('I want to PAY', ['pay', 'buy'])", true)]
    [InlineData("matchesAny('I want to buy', ['pay', 'buy'])", true)]
    [InlineData("matchesAny('ẹ̀kọ́ ni', ['x', 'y', 'EKO'])", true)]
    [InlineData("matchesAny('hello', ['pay', 'buy'])", false)]
    [InlineData("matchesAny('abc', [])", false)]
    [InlineData("matchesAny('abc', [''])", false)] // empty candidates never match
    [InlineData("matchesAny('abc', [null, 'B'])", true)]
    [InlineData("matchesAny('abc', 'BC')", true)] // a single string is a one-item list
    [InlineData("matchesAny('abc', 'x')", false)]
    [InlineData("matchesAny('order 12', [12])", true)]
    [InlineData("matchesAny(null, ['a'])", false)]
    [InlineData("matchesAny('abc', null)", false)]
    [InlineData("matchesAny(event.text, ['pay'])", true)]
    [InlineData("matchesAny(event.text, vars.keywords)", true)] // computed list, second candidate
    [InlineData("matchesAny('ABUO', vars.keywords)", true)] // computed list, candidates are folded too
    [InlineData("matchesAny('hello', vars.keywords)", false)]
    [InlineData("matchesAny(event.text, [vars.name, 'pay'])", true)]
    [InlineData("matchesAny(string(vars.map), vars.map)", false)] // an object is not a candidate list
    public void MatchesAny_with_literal_candidates(string source, bool expected) => Eval(source).ShouldBe(expected);

    [Theory]
    [InlineData("Mo fẹ́ san owó", "san", true)]
    [InlineData("Mo fẹ́ san owó", "FE", true)]
    [InlineData("Mo fẹ́ san owó", "fa", false)]
    [InlineData("abụ̀ọ", "abuo", true)]
    [InlineData("PAY now", "pay", true)]
    [InlineData("", "pay", false)]
    public void MatchesAny_gives_the_same_answer_for_literal_and_computed_candidates(string text, string candidate, bool expected)
    {
        var scope = Scope($$"""
            { "t": {{System.Text.Json.JsonSerializer.Serialize(text)}}, "c": [{{System.Text.Json.JsonSerializer.Serialize(candidate)}}] }
            """);
        var literal = $"matchesAny(t, [{System.Text.Json.JsonSerializer.Serialize(candidate)}])";

        Eval(literal, scope).ShouldBe(expected);
        Eval("matchesAny(t, c)", scope).ShouldBe(expected);
        Eval("matchesAny(t, [c[0]])", scope).ShouldBe(expected);
    }
}
