using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using HaloAgent.Commerce;
using HaloAgent.Content.Helpers;
using HaloAgent.Engine;
using HaloAgent.Engine.Templates;
using HaloAgent.Engine.Values;
using HaloAgent.Platform.Languages;

namespace HaloAgent.Content;

/// <summary>
/// Customer-facing messages: <c>templates/messages/&lt;lang&gt;/&lt;key&gt;.hbs</c>, loaded and compiled once, rendered in
/// the contact's language with English as the fallback for a missing language or key.
/// </summary>
public sealed class MessageTemplates
{
    public const string MessagesFolder = "messages";
    public const string FileExtension = ".hbs";

    private readonly Dictionary<string, Dictionary<string, Func<object?, string>>> _templates = new(StringComparer.Ordinal);

    /// <summary>One bounded environment per language (its {{naira}} formats for that language).</summary>
    private readonly Dictionary<string, BoundedHandlebars> _environments = new(StringComparer.Ordinal);

    /// <summary>Texts written in the Studio, compiled once each; capped, so a stream of distinct texts cannot grow it without end.</summary>
    private readonly ConcurrentDictionary<(string Language, string Source), Func<object?, string>> _written = new();

    private const int MaxCachedWrittenTexts = 2_000;

    private readonly EngineLimits _limits;

    private readonly bool _strict;

    /// <param name="templatesPath">The <c>templates</c> folder (holding <c>messages/</c>).</param>
    /// <param name="limits">Template size, nesting and render budget; the engine's defaults when null.</param>
    /// <exception cref="DirectoryNotFoundException">There are no English templates under it.</exception>
    /// <exception cref="TemplateSyntaxException">A template does not compile, is too large or uses an unknown helper or partial; the message names the file.</exception>
    public MessageTemplates(string templatesPath, EngineLimits? limits = null)
        : this(templatesPath, strict: false, limits)
    {
    }

    /// <param name="strict">Tests: an unknown field or a non-numeric amount throws instead of rendering blank.</param>
    internal MessageTemplates(string templatesPath, bool strict, EngineLimits? limits = null)
    {
        limits ??= new EngineLimits();
        _limits = limits;
        _strict = strict;
        var messages = Path.Combine(templatesPath, MessagesFolder);
        if (!Directory.Exists(Path.Combine(messages, LanguageCodes.English)))
        {
            throw new DirectoryNotFoundException($"No English message templates in '{Path.Combine(messages, LanguageCodes.English)}'.");
        }

        foreach (var language in LanguageCodes.All)
        {
            var folder = Path.Combine(messages, language);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            // One environment per language so {{naira}} formats for that language.
            var handlebars = Environment(language);
            var compiled = new Dictionary<string, Func<object?, string>>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(folder, "*" + FileExtension).Order(StringComparer.Ordinal))
            {
                var source = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
                try
                {
                    compiled[Path.GetFileNameWithoutExtension(file)] = handlebars.Compile(source);
                }
                catch (TemplateSyntaxException e)
                {
                    throw new TemplateSyntaxException($"{file}: {e.Message}", e.InnerException);
                }
            }

            _templates[language] = compiled;
        }
    }

    /// <summary>The templates shipped next to the application (copied there by this project).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "templates");

    /// <summary>Languages that have a template folder.</summary>
    public IReadOnlyCollection<string> Languages => _templates.Keys;

    /// <summary>Keys with a template in that language (without falling back).</summary>
    public IReadOnlyCollection<string> KeysIn(string language) =>
        _templates.TryGetValue(language, out var templates) ? templates.Keys : [];

    /// <summary>True when the key has its own template in that language (not the English fallback).</summary>
    public bool Has(string key, string language) => _templates.TryGetValue(language, out var templates) && templates.ContainsKey(key);

    /// <summary>
    /// Renders <paramref name="key"/> in <paramref name="language"/> (en, pcm, yo, ig, ha; anything else is English),
    /// falling back to English when that language has no such template.
    /// </summary>
    /// <param name="data">Plain flow data (dictionaries, lists, decimals), JSON, or any object; see templates/README.md.</param>
    /// <exception cref="KeyNotFoundException">Not even English has the key: a bug in the caller, not a customer problem.</exception>
    /// <exception cref="TemplateBudgetException">The render ran past its time or length budget (e.g. a huge list in the data).</exception>
    public string Render(string key, string? language, object? data)
    {
        var template = Find(key, LanguageCodes.Normalize(language) ?? LanguageCodes.English)
            ?? throw new KeyNotFoundException($"There is no message template '{key}' (not even in English).");
        var model = data is JsonElement or JsonNode ? PlainValue.Normalize(data) : data;
        return template(model ?? new Dictionary<string, object?>()).TrimEnd();
    }

    /// <summary>
    /// What is wrong with a message text written in the Studio, under the rules the shipped templates are held to
    /// (size, nesting, known helpers only, no partials, valid syntax); empty when nothing.
    /// </summary>
    public IReadOnlyList<string> Check(string source, string? language)
    {
        try
        {
            Compile(source, LanguageCodes.Normalize(language) ?? LanguageCodes.English);
            return [];
        }
        catch (TemplateSyntaxException e)
        {
            return [e.Message];
        }
    }

    /// <summary>Renders a message text written in the Studio (not a template file) as <see cref="Render"/> renders a key.</summary>
    /// <exception cref="TemplateSyntaxException">The text breaks the template rules (see <see cref="Check"/>).</exception>
    /// <exception cref="TemplateBudgetException">The render ran past its time or length budget.</exception>
    public string RenderText(string source, string? language, object? data)
    {
        var template = Compile(source.Replace("\r\n", "\n", StringComparison.Ordinal), LanguageCodes.Normalize(language) ?? LanguageCodes.English);
        var model = data is JsonElement or JsonNode ? PlainValue.Normalize(data) : data;
        return template(model ?? new Dictionary<string, object?>()).TrimEnd();
    }

    private Func<object?, string> Compile(string source, string language)
    {
        if (_written.TryGetValue((language, source), out var cached))
        {
            return cached;
        }

        var compiled = Environment(language).Compile(source);
        if (_written.Count < MaxCachedWrittenTexts)
        {
            _written.TryAdd((language, source), compiled);
        }

        return compiled;
    }

    private BoundedHandlebars Environment(string language)
    {
        lock (_environments)
        {
            if (!_environments.TryGetValue(language, out var environment))
            {
                environment = new BoundedHandlebars([new NairaHelper(language) { Strict = _strict }, new PluralHelper()], _limits, throwOnUnresolved: _strict);
                _environments[language] = environment;
            }

            return environment;
        }
    }

    private Func<object?, string>? Find(string key, string language)
    {
        if (_templates.TryGetValue(language, out var templates) && templates.TryGetValue(key, out var template))
        {
            return template;
        }

        return _templates[LanguageCodes.English].GetValueOrDefault(key);
    }
}
