using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Marketing.Templates;
using HaloAgent.Marketing.Tests.Support;

namespace HaloAgent.Marketing.Tests.Templates;

public sealed class TemplateCatalogTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_template_is_one_row_per_business_name_and_language_and_takes_Meta_s_latest_word(DatabaseProvider provider)
    {
        await using var host = await MarketingHost.StartAsync(provider);
        var catalog = host.Get<ITemplateCatalog>();
        await catalog.UpsertAsync(Template("biz-1", "weekend_offer", "en", WhatsAppTemplateStatus.Pending), default);
        await catalog.UpsertAsync(Template("biz-1", "weekend_offer", "ha", WhatsAppTemplateStatus.Approved), default);
        await catalog.UpsertAsync(Template("biz-2", "weekend_offer", "en", WhatsAppTemplateStatus.Approved), default);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var approved = await catalog.UpsertAsync(Template("biz-1", "weekend_offer", "en", WhatsAppTemplateStatus.Approved), default);

        var mine = await catalog.ListAsync("biz-1", default);
        mine.Select(t => (t.Language, t.Status)).ShouldBe([("en", WhatsAppTemplateStatus.Approved), ("ha", WhatsAppTemplateStatus.Approved)]);
        (await catalog.FindAsync("biz-1", "weekend_offer", "en", default))!.Id.ShouldBe(approved.Id);
        approved.UpdatedAt.ShouldBe(host.Clock.GetUtcNow().ToUnixTimeMilliseconds());
        (await catalog.FindAsync("biz-1", "no_such", "en", default)).ShouldBeNull();
        (await catalog.ListAsync("biz-3", default)).ShouldBeEmpty("another business's templates are not ours");
    }

    private static WhatsAppTemplate Template(string business, string name, string language, string status) => new()
    {
        BusinessId = business, Name = name, Language = language, Category = "MARKETING", Status = status,
        Body = "Hello {{1}}, this weekend only: {{2}} off!", ParameterCount = 2,
    };
}
