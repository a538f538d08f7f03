using System.Globalization;

namespace HaloAgent.Engine.Templates;

/// <summary>What a template may use and how big it may be.</summary>
public sealed record TemplateRules(int MaxLength, int MaxDepth, int MaxEachDepth, IReadOnlySet<string> Helpers, IReadOnlySet<string> Partials)
{
    /// <summary>Helpers Handlebars itself provides.</summary>
    public static IReadOnlySet<string> BuiltInHelpers { get; } =
        new HashSet<string>(["if", "unless", "each", "with", "lookup", "log"], StringComparer.Ordinal);
}

/// <summary>
/// Reads a template once, left to right, before Handlebars.Net compiles it: Handlebars' parser and compiler recurse
/// per nesting level (10,000 nested <c>{{#if}}</c> cost 17 s of CPU), and it accepts unknown helpers and partials that
/// only fail, or print nothing, when a customer's message is rendered. A loop and a counter, never recursion.
/// </summary>
public static class TemplateScanner
{
    public static IReadOnlyList<string> Check(string source, TemplateRules rules)
    {
        var problems = new List<string>();
        if (source.Length > rules.MaxLength)
        {
            problems.Add($"The template is {Count(source.Length)} characters long; at most {Count(rules.MaxLength)} are allowed.");
            return problems;
        }

        var blocks = new List<bool>(); // open blocks, innermost last; true for {{#each}}
        var eachDepth = 0;
        var partials = new HashSet<string>(rules.Partials, StringComparer.Ordinal);
        var at = 0;
        while (at < source.Length && source.IndexOf("{{", at, StringComparison.Ordinal) is var open and >= 0)
        {
            if (open > 0 && source[open - 1] == '\\')
            {
                at = open + 2; // \{{ is literal text
                continue;
            }

            var (inner, next) = Tag(source, open);
            if (inner is null)
            {
                problems.Add($"'{{{{' at {Where(source, open)} is never closed.");
                break;
            }

            at = next;
            if (inner.Length == 0 || inner[0] == '!')
            {
                continue;
            }

            switch (inner[0])
            {
                case '#':
                    var isEach = false;
                    var block = inner[1..].TrimStart();
                    if (block.StartsWith('>'))
                    {
                        CheckPartial(block[1..], open);
                    }
                    else if (block.StartsWith("*inline", StringComparison.Ordinal))
                    {
                        partials.Add(Unquote(FirstWord(block["*inline".Length..].TrimStart())));
                    }
                    else
                    {
                        isEach = FirstWord(block) == "each";
                        CheckCall(block, open, requireKnown: false);
                    }

                    blocks.Add(isEach);
                    eachDepth += isEach ? 1 : 0;
                    if (blocks.Count > rules.MaxDepth)
                    {
                        problems.Add($"Blocks are nested too deeply at {Where(source, open)}: at most {rules.MaxDepth} levels are allowed.");
                        return problems;
                    }

                    if (eachDepth > rules.MaxEachDepth)
                    {
                        problems.Add($"{{{{#each}}}} is nested too deeply at {Where(source, open)}: at most {rules.MaxEachDepth} levels are allowed.");
                        return problems;
                    }

                    break;
                case '^' when inner.Length > 1:
                    blocks.Add(false);
                    if (blocks.Count > rules.MaxDepth)
                    {
                        problems.Add($"Blocks are nested too deeply at {Where(source, open)}: at most {rules.MaxDepth} levels are allowed.");
                        return problems;
                    }

                    break;
                case '/':
                    if (blocks.Count > 0)
                    {
                        eachDepth -= blocks[^1] ? 1 : 0;
                        blocks.RemoveAt(blocks.Count - 1);
                    }

                    break; // a close without an open is Handlebars' to report
                case '>':
                    CheckPartial(inner[1..], open);
                    break;
                case '^':
                    break;
                default:
                    var call = inner[0] == '&' ? inner[1..].TrimStart() : inner;
                    if (FirstWord(call) == "else")
                    {
                        call = call[4..].TrimStart(); // {{else if x}} chains a helper
                    }

                    if (call.Length > 0)
                    {
                        CheckCall(call, open, requireKnown: false);
                    }

                    break;
            }

            if (problems.Count >= 10)
            {
                break;
            }
        }

        return problems;

        void CheckPartial(string text, int position)
        {
            var name = FirstWord(text.TrimStart());
            if (name.StartsWith('('))
            {
                problems.Add($"Dynamic partials are not supported ({Where(source, position)}).");
            }
            else if (!partials.Contains(Unquote(name)))
            {
                problems.Add($"Unknown partial '{Unquote(name)}' at {Where(source, position)}.");
            }
        }

        // A name followed by arguments calls a helper; a lone name (or path) only reads a value.
        void CheckCall(string text, int position, bool requireKnown)
        {
            var name = FirstWord(text);
            var arguments = text[name.Length..].Trim();
            if ((arguments.Length > 0 || requireKnown) && IsName(name) && !rules.Helpers.Contains(name) && !TemplateRules.BuiltInHelpers.Contains(name))
            {
                problems.Add($"Unknown helper '{name}' at {Where(source, position)}.");
            }

            // Subexpressions: (helper arg ...), possibly nested; each level counts toward the depth limit.
            var depth = 0;
            for (var i = 0; i < arguments.Length; i++)
            {
                var c = arguments[i];
                if (c is '"' or '\'')
                {
                    var close = arguments.IndexOf(c, i + 1);
                    i = close < 0 ? arguments.Length : close;
                }
                else if (c == '(')
                {
                    if (blocks.Count + ++depth > rules.MaxDepth)
                    {
                        problems.Add($"Subexpressions are nested too deeply at {Where(source, position)}: at most {rules.MaxDepth} levels are allowed.");
                        return;
                    }

                    var helper = FirstWord(arguments[(i + 1)..].TrimStart());
                    if (IsName(helper) && !rules.Helpers.Contains(helper) && !TemplateRules.BuiltInHelpers.Contains(helper))
                    {
                        problems.Add($"Unknown helper '{helper}' at {Where(source, position)}.");
                    }
                }
                else if (c == ')')
                {
                    depth--;
                }
            }
        }
    }

    /// <summary>The tag's content without braces and whitespace control, and where scanning goes on; null content when unclosed.</summary>
    private static (string? Inner, int Next) Tag(string source, int open)
    {
        var start = open + 2;
        if (source.AsSpan(start).StartsWith("!--"))
        {
            var endComment = source.IndexOf("--}}", start + 3, StringComparison.Ordinal);
            return endComment < 0 ? (null, source.Length) : ("!", endComment + 4);
        }

        var triple = start < source.Length && source[start] == '{';
        var closeToken = triple ? "}}}" : "}}";
        var end = source.IndexOf(closeToken, start, StringComparison.Ordinal);
        if (end < 0)
        {
            return (null, source.Length);
        }

        var inner = source[(triple ? start + 1 : start)..end].Trim();
        inner = inner.TrimStart('~').TrimEnd('~').Trim();
        return (triple ? "&" + inner : inner, end + closeToken.Length);
    }

    private static string FirstWord(string text)
    {
        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && (end == 0 || text[end] != '('))
        {
            end++;
        }

        return text[..end];
    }

    /// <summary>A plain helper name (not a path, literal, data variable or subexpression).</summary>
    private static bool IsName(string word) =>
        word.Length > 0 && (char.IsLetter(word[0]) || word[0] == '_') && word.All(c => char.IsLetterOrDigit(c) || c is '_' or '-')
        && word is not ("this" or "true" or "false" or "null" or "undefined");

    private static string Unquote(string word) => word.Trim('"', '\'');

    private static string Where(string source, int position)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < position; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return $"line {line}, column {position - lineStart + 1}";
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
