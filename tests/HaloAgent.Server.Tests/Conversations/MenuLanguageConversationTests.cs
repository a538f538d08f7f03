using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Server.Tests.Conversations;

/// <summary>The menu's section titles are in the customer's language, not the catalog's English (issue 19).</summary>
public sealed class MenuLanguageConversationTests : IAsyncLifetime
{
    private WhatsAppConversationServer _server = null!;

    public async Task InitializeAsync() => _server = await WhatsAppConversationServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("2348034000001", "Ẹ káàárọ̀", "Ìrẹsì", "Ohun mímu", "Rice")]
    [InlineData("2348034000002", "Sannu", "Shinkafa", "Abin sha", "Rice")]
    [InlineData("2348034000003", "Ndewo", "Osikapa", "Ihe ọṅụṅụ", "Rice")]
    [InlineData("2348034000004", "How far", "Small chops", "Drinks", "Snacks")]
    [InlineData("2348034000005", "Hello", "Rice", "Drinks", null)]
    public async Task The_menu_sections_are_titled_in_the_customers_language(string phone, string greeting, string first, string drinks, string? english)
    {
        var customer = _server.Customer(phone);
        await customer.SaysAsync(greeting, r => r.Text is not null, "a greeting");
        await customer.SaysAsync("menu", r => IsList(r), "the menu");
        var titles = await Eventually.ReturnsAsync(
            () => Task.FromResult(customer.Replies.Where(IsList).SelectMany(Sections).ToList()),
            t => t.Contains(drinks),
            TimeSpan.FromSeconds(30),
            "every page of the menu");
        titles.ShouldContain(first);
        if (english is not null)
        {
            titles.ShouldNotContain(english, "the catalog's English title");
        }
    }

    private static bool IsList(FakeGraphRequest request) => request.Body["interactive"]?["type"]?.GetValue<string>() == "list";

    private static IEnumerable<string> Sections(FakeGraphRequest list) =>
        list.Body["interactive"]!["action"]!["sections"]!.AsArray().Select(s => s!["title"]!.GetValue<string>());
}
