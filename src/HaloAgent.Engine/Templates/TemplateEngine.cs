using HandlebarsDotNet;

namespace HaloAgent.Engine.Templates;

/// <summary>
/// Handlebars for text inputs. One environment per process: helpers registered here (Naira formatting,
/// pluralisation, ...) are available to every flow. Output is not HTML-escaped: it goes to chat, not a page.
/// </summary>
public sealed class TemplateEngine
{
    private readonly IHandlebars _handlebars;

    public TemplateEngine(IEnumerable<ITemplateHelper>? helpers = null)
    {
        _handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true, ThrowOnUnresolvedBindingExpression = false });
        foreach (var helper in helpers ?? [])
        {
            _handlebars.RegisterHelper(helper.Name, (writer, context, arguments) => writer.WriteSafeString(helper.Render(arguments.ToArray())));
        }
    }

    /// <summary>True when the text has no Handlebars syntax, so it can be used as it is.</summary>
    public static bool IsPlain(string text) => !text.Contains("{{", StringComparison.Ordinal);

    /// <summary>Compiles a template; a syntax error raises <see cref="TemplateSyntaxException"/>.</summary>
    public CompiledTemplate Compile(string source)
    {
        if (IsPlain(source))
        {
            return new CompiledTemplate(source, _ => source);
        }

        try
        {
            var compiled = _handlebars.Compile(source);
            return new CompiledTemplate(source, data => compiled(data));
        }
        catch (HandlebarsException ex)
        {
            throw new TemplateSyntaxException(ex.Message, ex);
        }
    }
}

public sealed class CompiledTemplate(string source, Func<object?, string> render)
{
    public string Source { get; } = source;

    public string Render(object? data) => render(data);
}

/// <summary>A Handlebars helper available to all templates (<c>{{name arg1 arg2}}</c>).</summary>
public interface ITemplateHelper
{
    string Name { get; }

    string Render(object?[] arguments);
}

public sealed class TemplateSyntaxException(string message, Exception? inner = null) : Exception(message, inner);
