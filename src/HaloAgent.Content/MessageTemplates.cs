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
            var handlebars = new BoundedHandlebars([new NairaHelper(language) { Strict = strict }, new PluralHelper()], limits, throwOnUnresolved: strict);
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

    private Func<object?, string>? Find(string key, string language)
    {
        if (_templates.TryGetValue(language, out var templates) && templates.TryGetValue(key, out var template))
        {
            return template;
        }

        return _templates[LanguageCodes.English].GetValueOrDefault(key);
    }
}
