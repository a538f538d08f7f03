using Microsoft.Extensions.Options;

namespace HaloAgent.Engine.Templates;

/// <summary>
/// Handlebars for text inputs. One environment per process: helpers registered here (Naira formatting,
/// pluralisation, ...) are available to every flow. Output is not HTML-escaped: it goes to chat, not a page.
/// Templates are bounded: size, nesting and the helpers and partials they use are checked before Handlebars sees
/// them, and a render stops when it takes too long or writes too much.
/// </summary>
public sealed class TemplateEngine
{
    private readonly BoundedHandlebars _handlebars;
    private readonly EngineLimits _limits;

    public TemplateEngine(IEnumerable<ITemplateHelper>? helpers = null, IOptions<EngineLimits>? limits = null)
    {
        _limits = limits?.Value ?? new EngineLimits();
        _handlebars = new BoundedHandlebars(helpers ?? [], _limits);
    }

    /// <summary>True when the text has no Handlebars syntax, so it can be used as it is.</summary>
    public static bool IsPlain(string text) => !text.Contains("{{", StringComparison.Ordinal);

    /// <summary>Compiles a template; a syntax error, an unknown helper or partial, or a template too large raises <see cref="TemplateSyntaxException"/>.</summary>
    public CompiledTemplate Compile(string source)
    {
        if (IsPlain(source))
        {
            return source.Length <= _limits.MaxTemplateLength
                ? new CompiledTemplate(source, _ => source)
                : throw new TemplateSyntaxException(_handlebars.Check(source)[0]);
        }

        return new CompiledTemplate(source, _handlebars.Compile(source));
    }
}

public sealed class CompiledTemplate(string source, Func<object?, string> render)
{
    public string Source { get; } = source;

    /// <exception cref="TemplateBudgetException">The render took longer than allowed or produced too much text.</exception>
    public string Render(object? data) => render(data);
}

/// <summary>A Handlebars helper available to all templates (<c>{{name arg1 arg2}}</c>).</summary>
public interface ITemplateHelper
{
    string Name { get; }

    string Render(object?[] arguments);
}

public sealed class TemplateSyntaxException(string message, Exception? inner = null) : Exception(message, inner);
