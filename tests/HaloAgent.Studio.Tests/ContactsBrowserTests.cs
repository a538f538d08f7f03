using System.Text.RegularExpressions;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Server.Tests.Conversations;
using HaloAgent.Server.Tests.Dashboard;
using HaloAgent.Testing.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static HaloAgent.Studio.Tests.BrowserChecks;

namespace HaloAgent.Studio.Tests;

/// <summary>
/// The owner's contacts on a 390 × 844 phone and a 1366 × 768 laptop, in headless Chromium: find a customer who
/// ordered, read their order count and consent as they are, open them, see their orders and chat, change their language
/// and add a tag (kept after a reload), and erase another contact.
/// </summary>
public sealed class ContactsBrowserTests(StudioServer server) : IClassFixture<StudioServer>
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task The_owner_finds_a_customer_opens_them_and_edits_language_and_tags(int width, int height, string device)
    {
        var services = server.Factory.Services;
        var demoId = await DashboardSeed.DemoBusinessIdAsync(services);
        var phone = $"2348034{Random.Shared.Next(100_000, 999_999)}";
        using var webhooks = server.Factory.CreateClient();
        var customer = new WhatsAppCustomer(webhooks, server.Graph, StudioServer.AppSecret, phone);
        await customer.SaysAsync("Good afternoon", r => r.Text?.Contains("Mama Nkechi") == true, "the greeting");
        var contact = (await services.GetRequiredService<IContactService>().FindByWaIdAsync(demoId, phone, default))!;
        var name = $"Chidi {device} {phone[^4..]}";
        await services.GetRequiredService<IContactService>().SetNameAsync(contact.Id, name, default);
        var order = await DashboardSeed.OrderAsync(services, demoId, contact.Id);

        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/contacts", width, height);
        await page.GetByLabel("Search contacts").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Search", Exact = true }).ClickAsync();
        var row = page.GetByTestId("contact-row").Filter(new LocatorFilterOptions { HasTextString = name });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByTestId("contact-orders")).ToHaveTextAsync(new Regex("1"));
        await Assertions.Expect(row.GetByTestId("contact-consent")).ToHaveTextAsync("Not asked");
        await HeadlessChromium.ScreenshotAsync(page, $"contacts-list-{device}");
        await NoSidewaysScrollAsync(page, width);

        // A tap anywhere on the row opens the contact (here on the phone number, not the name's link).
        await row.Locator("td.mono").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/contacts/{contact.Id}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Assertions.Expect(page.GetByTestId("contact-order").Filter(new LocatorFilterOptions { HasTextString = order.Number })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("contact-order").First).ToContainTextAsync("Pending payment");
        var messages = page.GetByTestId("contact-message");
        await Assertions.Expect(messages.First).ToContainTextAsync("Good afternoon");
        await Assertions.Expect(messages.Last).ToContainTextAsync("Mama Nkechi");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Open in inbox" }))
            .ToHaveAttributeAsync("href", $"/inbox?contact={contact.Id}");
        await Assertions.Expect(page.GetByTestId("contact-consent")).ToHaveTextAsync("Not asked");

        await page.GetByLabel("Language").SelectOptionAsync("yo");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Language set to Yorùbá");
        var tag = $"vip {device}";
        await page.GetByLabel("New tag").FillAsync(tag);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add tag" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Tag “{tag}” added");
        await HeadlessChromium.ScreenshotAsync(page, $"contact-page-{device}");
        await NoSidewaysScrollAsync(page, width);

        // A note for the team (several lines), beside the chat in the inbox too.
        var note = $"Allergic to groundnuts ({device}).\nPays on delivery only.";
        await page.GetByLabel("Team note").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save note" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Note saved");
        await NoSidewaysScrollAsync(page, width);

        // The server kept all three: a fresh load shows them.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Language")).ToHaveValueAsync("yo");
        await Assertions.Expect(page.GetByTestId("contact-tags")).ToContainTextAsync(tag);
        await Assertions.Expect(page.GetByLabel("Team note")).ToHaveValueAsync(note);
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Open in inbox" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("team-note")).ToContainTextAsync("Allergic to groundnuts");
        await Assertions.Expect(page.GetByTestId("team-note")).ToContainTextAsync("Pays on delivery only.");
        await page.GoBackAsync();
        await Assertions.Expect(page.GetByTestId("contact-tags")).ToContainTextAsync(tag);

        // The tag finds them from the list.
        await page.GetByTestId("contact-tags").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = tag }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("tag-filter")).ToContainTextAsync(tag);
        await Assertions.Expect(page.GetByTestId("contact-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("contact-row")).ToContainTextAsync(name);
        await NoSidewaysScrollAsync(page, width);
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task The_owner_erases_a_contact_after_a_confirmation_that_names_them(int width, int height, string device)
    {
        var services = server.Factory.Services;
        var demoId = await DashboardSeed.DemoBusinessIdAsync(services);
        var phone = $"2348035{Random.Shared.Next(100_000, 999_999)}";
        var name = $"Erase {device} {phone[^4..]}";
        var contact = await DashboardSeed.ContactAsync(services, demoId, phone, name);

        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, $"/contacts/{contact.Id}", width, height);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Erase contact…" }).ClickAsync();
        var ask = page.GetByRole(AriaRole.Alertdialog);
        await Assertions.Expect(ask).ToContainTextAsync($"Erase {name} (+{phone})?");
        await HeadlessChromium.ScreenshotAsync(page, $"contact-erase-{device}");
        await NoSidewaysScrollAsync(page, width);
        await ask.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = $"Erase {name}" }).ClickAsync();

        // Back on the list, where they are no more.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/contacts$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Contacts");
        await page.GetByLabel("Search contacts").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("table tbody")).ToContainTextAsync("No contacts match");
        (await services.GetRequiredService<IContactService>().GetAsync(contact.Id, default))!.Name.ShouldBeNull();
    }
}
