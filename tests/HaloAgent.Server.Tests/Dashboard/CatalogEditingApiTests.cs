using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Support;

namespace HaloAgent.Server.Tests.Dashboard;

/// <summary>The owner edits the menu: what is refused and why, who may change what, photos, and the audit log.</summary>
public sealed class CatalogEditingApiTests : IAsyncLifetime
{
    private const int MaxPhotoBytes = 4096;
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];
    private HaloAgentFactory _factory = null!;
    private HttpClient _owner = null!;

    public async Task InitializeAsync()
    {
        _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["HaloAgent:Dashboard:MaxPhotoBytes"] = MaxPhotoBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Bad_edits_are_refused_with_a_reason_the_owner_can_act_on()
    {
        await Refused(await _owner.PatchAsJsonAsync("/api/catalog/SUYA", new { priceKobo = -100 }), HttpStatusCode.BadRequest, "negative price");
        await Refused(await _owner.PatchAsJsonAsync("/api/catalog/SUYA", new { stock = -1 }), HttpStatusCode.BadRequest, "negative");
        await Refused(await _owner.PatchAsJsonAsync("/api/catalog/SUYA", new { names = new { en = " ", yo = "Súyà" } }), HttpStatusCode.BadRequest, "English name");
        await Refused(await _owner.PostAsJsonAsync("/api/catalog", new { names = new { en = "" , yo = "Ẹ̀fọ́" }, priceKobo = 100 }), HttpStatusCode.BadRequest, "English name");
        await Refused(await _owner.PostAsJsonAsync("/api/catalog", new { names = new { en = "Efo riro" }, priceKobo = -5 }), HttpStatusCode.BadRequest, "negative price");
        await Refused(await _owner.PostAsJsonAsync("/api/catalog", new { names = new { en = "Efo riro" } }), HttpStatusCode.BadRequest, "price");
        await Refused(await _owner.PostAsJsonAsync("/api/catalog", new { sku = "efo riro!", names = new { en = "Efo riro" }, priceKobo = 100 }), HttpStatusCode.BadRequest, "not a usable SKU");
        await Refused(await _owner.PostAsJsonAsync("/api/catalog", new { names = new { en = "Efo riro", fr = "Soupe" }, priceKobo = 100 }), HttpStatusCode.BadRequest, "'fr'");
        await Refused(await _owner.PostAsJsonAsync("/api/catalog", new { sku = "suya", names = new { en = "Another suya" }, priceKobo = 100 }), HttpStatusCode.Conflict, "SUYA");
        await Refused(await _owner.PatchAsJsonAsync("/api/catalog/NO-SUCH-DISH", new { priceKobo = 100 }), HttpStatusCode.NotFound, "NO-SUCH-DISH");
        await Refused(await _owner.PutAsJsonAsync("/api/catalog/NO-SUCH-DISH/availability", new { soldOutToday = true }), HttpStatusCode.NotFound, "NO-SUCH-DISH");
        await Refused(await _owner.PostAsJsonAsync("/api/catalog/categories/rename", new { from = "Nothing here", to = "Soups" }), HttpStatusCode.NotFound, "Nothing here");
        await Refused(await _owner.PostAsJsonAsync("/api/catalog/categories/rename", new { from = "Rice", to = " " }), HttpStatusCode.BadRequest, "new name");

        var suya = await ItemAsync(_owner, "SUYA");
        suya["priceKobo"]!.GetValue<long>().ShouldBe(1_500_00, "nothing refused was saved");
        suya["names"]!["en"]!.GetValue<string>().ShouldBe("Beef suya (wrap)");
    }

    [Fact]
    public async Task The_owner_adds_a_dish_in_five_languages_and_edits_it_and_each_change_is_audited()
    {
        using var added = await _owner.PostAsJsonAsync("/api/catalog", new
        {
            names = new Dictionary<string, string> { ["en"] = "Efo riro & semo", ["Yoruba"] = "Ẹ̀fọ́ rírò", ["ha"] = "Miyar alayyahu" },
            aliases = new[] { "efo", "efo riro", " efo " },
            priceKobo = 4_000_00,
            stock = 12,
            category = " Swallow & soup ",
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var dish = (await added.Content.ReadFromJsonAsync<JsonObject>())!;
        dish["sku"]!.GetValue<string>().ShouldBe("EFO-RIRO-SEMO", "made from the English name");
        dish["names"]!["yo"]!.GetValue<string>().ShouldBe("Ẹ̀fọ́ rírò", "'Yoruba' is read as the language code");
        dish["aliases"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["efo", "efo riro"]);
        dish["category"]!.GetValue<string>().ShouldBe("Swallow & soup");
        dish["available"]!.GetValue<bool>().ShouldBeTrue();

        using (var again = await _owner.PostAsJsonAsync("/api/catalog", new { names = new { en = "Efo riro & semo" }, priceKobo = 100 }))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Created, "a made-up SKU is numbered, not refused");
            (await again.Content.ReadFromJsonAsync<JsonObject>())!["sku"]!.GetValue<string>().ShouldBe("EFO-RIRO-SEMO-2");
        }

        using var edited = await _owner.PatchAsJsonAsync("/api/catalog/efo-riro-semo", new { priceKobo = 4_250_50, category = "Soups" });
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var item = await ItemAsync(_owner, "EFO-RIRO-SEMO");
        item["priceKobo"]!.GetValue<long>().ShouldBe(4_250_50);
        item["category"]!.GetValue<string>().ShouldBe("Soups");
        item["names"]!["yo"]!.GetValue<string>().ShouldBe("Ẹ̀fọ́ rírò", "fields not sent stay as they were");
        item["stock"]!.GetValue<int>().ShouldBe(12);

        using var renamed = await _owner.PostAsJsonAsync("/api/catalog/categories/rename", new { from = "Rice", to = "Rice dishes" });
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync());
        (await renamed.Content.ReadFromJsonAsync<JsonObject>())!["dishes"]!.GetValue<int>().ShouldBe(2);
        (await ItemAsync(_owner, "FRIED-RICE"))["category"]!.GetValue<string>().ShouldBe("Rice dishes");

        var log = (await _owner.GetFromJsonAsync<JsonObject>("/api/audit?action=catalog&take=20"))!["items"]!.AsArray();
        var edit = log.First(i => i!["action"]!.GetValue<string>() == "catalog.edit" && i["targetId"]!.GetValue<string>() == "EFO-RIRO-SEMO")!;
        edit["before"]!["priceKobo"]!.GetValue<long>().ShouldBe(4_000_00);
        edit["after"]!["priceKobo"]!.GetValue<long>().ShouldBe(4_250_50);
        edit["before"]!["category"]!.GetValue<string>().ShouldBe("Swallow & soup");
        edit["actorRole"]!.GetValue<string>().ShouldBe(AuthPolicies.Owner);
        var add = log.First(i => i!["action"]!.GetValue<string>() == "catalog.add" && i["targetId"]!.GetValue<string>() == "EFO-RIRO-SEMO")!;
        add["after"]!["names"]!["yo"]!.GetValue<string>().ShouldBe("Ẹ̀fọ́ rírò");
        log.Any(i => i!["action"]!.GetValue<string>() == "catalog.category" && i["after"]!["name"]!.GetValue<string>() == "Rice dishes").ShouldBeTrue();
    }

    [Fact]
    public async Task Sold_out_today_lasts_until_the_next_business_day_and_can_be_undone()
    {
        using var marked = await _owner.PutAsJsonAsync("/api/catalog/jollof-rice/availability", new { soldOutToday = true });
        marked.StatusCode.ShouldBe(HttpStatusCode.OK, await marked.Content.ReadAsStringAsync());
        var item = await ItemAsync(_owner, "JOLLOF-RICE");
        item["soldOut"]!.GetValue<bool>().ShouldBeTrue();
        item["available"]!.GetValue<bool>().ShouldBeFalse();
        item["stock"]!.GetValue<int>().ShouldBe(40, "the count is kept for tomorrow");
        var until = item["soldOutUntil"]!.GetValue<DateTimeOffset>().ToOffset(TimeSpan.FromHours(1));
        until.TimeOfDay.ShouldBe(TimeSpan.Zero, "midnight in Lagos");
        (until - DateTimeOffset.UtcNow).ShouldBeInRange(TimeSpan.Zero, TimeSpan.FromDays(1));

        var log = (await _owner.GetFromJsonAsync<JsonObject>("/api/audit?action=catalog.edit"))!["items"]!.AsArray();
        var record = log.First(i => i!["targetId"]!.GetValue<string>() == "JOLLOF-RICE")!;
        record["before"]!["soldOutUntil"].ShouldBeNull();
        record["after"]!["soldOutUntil"].ShouldNotBeNull();

        (await _owner.PutAsJsonAsync("/api/catalog/JOLLOF-RICE/availability", new { soldOutToday = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        item = await ItemAsync(_owner, "JOLLOF-RICE");
        item["soldOut"]!.GetValue<bool>().ShouldBeFalse();
        item["available"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Owners_edit_everything_agents_only_the_count_and_sold_out_and_marketers_read()
    {
        var agent = await _factory.SignedInClientAsync(AuthPolicies.Agent);
        var marketer = await _factory.SignedInClientAsync(AuthPolicies.Marketer);

        (await agent.PutAsJsonAsync("/api/catalog/SUYA/availability", new { stock = 7, soldOutToday = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ItemAsync(marketer, "SUYA"))["stock"]!.GetValue<int>().ShouldBe(7);
        (await agent.PatchAsJsonAsync("/api/catalog/SUYA", new { priceKobo = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.PostAsJsonAsync("/api/catalog", new { names = new { en = "Agent dish" }, priceKobo = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.PostAsJsonAsync("/api/catalog/categories/rename", new { from = "Rice", to = "X" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PhotoAsync(agent, "SUYA", Png, "image/png")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await marketer.PutAsJsonAsync("/api/catalog/SUYA/availability", new { soldOutToday = false })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await marketer.PatchAsJsonAsync("/api/catalog/SUYA", new { priceKobo = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await marketer.PostAsJsonAsync("/api/catalog", new { names = new { en = "Marketer dish" }, priceKobo = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var suya = await ItemAsync(_owner, "SUYA");
        suya["priceKobo"]!.GetValue<long>().ShouldBe(1_500_00);
        suya["soldOut"]!.GetValue<bool>().ShouldBeTrue("the marketer's change was refused");
        (await _factory.CreateClient().PatchAsJsonAsync("/api/catalog/SUYA", new { priceKobo = 1 })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_photo_is_checked_for_size_and_type_then_served_back_to_anyone()
    {
        using (var big = await PhotoAsync(_owner, "SUYA", [.. Png, .. new byte[MaxPhotoBytes]], "image/png"))
        {
            big.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
            (await big.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("at most");
        }

        await Refused(await PhotoAsync(_owner, "SUYA", "hello"u8.ToArray(), "text/plain"), HttpStatusCode.UnsupportedMediaType, "JPEG, PNG or WebP");
        await Refused(await PhotoAsync(_owner, "SUYA", "not really a png"u8.ToArray(), "image/png"), HttpStatusCode.UnsupportedMediaType, "not a JPEG, PNG or WebP");
        await Refused(await PhotoAsync(_owner, "NO-SUCH-DISH", Png, "image/png"), HttpStatusCode.NotFound, "NO-SUCH-DISH");
        (await ItemAsync(_owner, "SUYA"))["imageUrl"].ShouldBeNull("nothing refused was stored");

        using var stored = await PhotoAsync(_owner, "suya", Png, "image/png");
        stored.StatusCode.ShouldBe(HttpStatusCode.OK, await stored.Content.ReadAsStringAsync());
        var url = (await ItemAsync(_owner, "SUYA"))["imageUrl"]!.GetValue<string>();
        url.ShouldStartWith("/media/dishes/");

        using var served = await _factory.CreateClient().GetAsync(url);
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await served.Content.ReadAsByteArrayAsync()).ShouldBe(Png);
        (await _factory.CreateClient().GetAsync("/media/dishes/no-such-photo")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var log = (await _owner.GetFromJsonAsync<JsonObject>("/api/audit?action=catalog.photo"))!["items"]!.AsArray();
        log.Single()!["after"]!["imageUrl"]!.GetValue<string>().ShouldBe(url);
    }

    private static async Task<HttpResponseMessage> PhotoAsync(HttpClient client, string sku, byte[] data, string contentType)
    {
        var content = new ByteArrayContent(data);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await client.PostAsync($"/api/catalog/{sku}/photo", content);
    }

    private static async Task<JsonObject> ItemAsync(HttpClient client, string sku) =>
        (await client.GetFromJsonAsync<JsonArray>("/api/catalog"))!.Single(i => i!["sku"]!.GetValue<string>() == sku)!.AsObject();

    private static async Task Refused(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(status, body);
            JsonNode.Parse(body)!["detail"]!.GetValue<string>().ShouldContain(detail, Case.Insensitive);
        }
    }
}
