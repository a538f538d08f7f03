using HandlebarsDotNet;

namespace HaloAgent.Engine.Templates;

/// <summary>
/// A Handlebars environment whose templates are bounded: each is read by <see cref="TemplateScanner"/> (size, nesting,
/// the helpers registered here, no partials) before Handlebars.Net compiles it, and each render runs within
/// <see cref="BoundedRender"/>'s time and length. Flow templates (<see cref="TemplateEngine"/>) and the message
/// templates of the Content module compile through it, so both are held to the same rules.
/// </summary>
public sealed class BoundedHandlebars
{
    private readonly IHandlebars _handlebars;
    private readonly EngineLimits _limits;
    private readonly TemplateRules _rules;

    /// <param name="throwOnUnresolved">Tests: a missing field throws instead of rendering blank.</param>
    public BoundedHandlebars(IEnumerable<ITemplateHelper> helpers, EngineLimits limits, bool throwOnUnresolved = false)
    {
        _limits = limits;
        // Chat text, not HTML: no escaping.
        _handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true, ThrowOnUnresolvedBindingExpression = throwOnUnresolved });
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var helper in helpers)
        {
            _handlebars.RegisterHelper(helper.Name, (writer, _, arguments) => writer.WriteSafeString(helper.Render(arguments.ToArray())));
            names.Add(helper.Name);
        }

        _rules = new TemplateRules(limits.MaxTemplateLength, limits.MaxTemplateDepth, limits.MaxTemplateEachDepth, names, new HashSet<string>(StringComparer.Ordinal));
    }

    /// <summary>What is wrong with the template under these rules (empty when nothing).</summary>
    public IReadOnlyList<string> Check(string source) => TemplateScanner.Check(source, _rules);

    /// <summary>Compiles a template into a bounded render.</summary>
    /// <exception cref="TemplateSyntaxException">A syntax error, an unknown helper or partial, or a template too large or nested too deeply.</exception>
    public Func<object?, string> Compile(string source)
    {
        var problems = Check(source);
        if (problems.Count > 0)
        {
            throw new TemplateSyntaxException(string.Join(" ", problems));
        }

        try
        {
            var compiled = _handlebars.Compile(new StringReader(source));
            return data => BoundedRender.Render((writer, model) => compiled(writer, model), data, _limits);
        }
        catch (HandlebarsException ex)
        {
            throw new TemplateSyntaxException(ex.Message, ex);
        }
    }
}
