using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Server.Tests.Conversations;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;
using HaloAgent.Testing.FakeGraph;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HaloAgent.Server.Tests.Security;

/// <summary>
/// Server logs are shipped and kept where an erasure request never reaches: a whole conversation (webhook → agent reply,
/// an order with an address) and the welcome journey (both of its Log steps) write no customer name, no message text
/// and no full phone number at any level.
/// </summary>
public sealed class PersonalDataLogTests : IAsyncLifetime
{
    private const string AppSecret = "logs-app-secret";
    private const string Phone = "2348031234567";
    private const string Name = "Chiamaka Okonkwo";
    private const string Greeting = "Good evening from Surulere";
    private const string Order = "I want 2 jollof rice please";
    private const string Address = "14 Adebola Street, gate code 4471";

    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly CapturedLogs _logs = new();
    private FakeGraphServer _graph = null!;
    private HaloAgentFactory _factory = null!;
    private WebApplicationFactory<Program> _server = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Postgres, new Dictionary<string, string>
        {
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:GraphBaseUrl"] = _graph.BaseUrl,
            ["WhatsApp:PhoneNumberId"] = WhatsAppWebhookBuilder.DefaultPhoneNumberId,
            ["WhatsApp:AccessToken"] = _graph.AccessToken,
            ["WhatsApp:PairSpacing"] = "00:00:00",
        }, _clock);
        _server = _factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging =>
            logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace)));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _factory.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task A_conversation_and_the_welcome_journey_log_no_name_no_text_and_no_full_phone_number()
    {
        var customer = new WhatsAppCustomer(_server.CreateClient(), _graph, AppSecret, Phone);
        await customer.SendAsync(new WhatsAppWebhookBuilder().Text(Phone, Greeting, name: Name), r => r.Text?.Contains("Mama Nkechi") == true, "the greeting");
        await customer.SendAsync(new WhatsAppWebhookBuilder().Text(Phone, Order, name: Name), r => r.Text?.Contains("7,000") == true, "the cart");
        await customer.SendAsync(new WhatsAppWebhookBuilder().Text(Phone, "no", name: Name), r => r.Type == "interactive", "pickup or delivery");
        await customer.SendAsync(new WhatsAppWebhookBuilder().ButtonReply(Phone, "delivery", "Delivery", name: Name), r => r.Type == "text", "the address question");
        await customer.SendAsync(new WhatsAppWebhookBuilder().Text(Phone, Address, name: Name), r => r.Type == "interactive", "the summary");

        // The welcome journey welcomed the new contact (two hours on, no order yet) and, a day later, nudged them: real
        // messages now, with their name.
        var services = _server.Services;
        var businessId = (await services.GetRequiredService<IBusinessDirectory>().FindBySlugAsync(DemoBusinessSeeder.DemoSlug, default))!.Id;
        var contact = (await services.GetRequiredService<IContactService>().FindByWaIdAsync(businessId, Phone, default))!;
        var queries = services.GetRequiredService<InstanceQueries>();
        var welcome = await Eventually.ReturnsAsync(
            () => queries.ListAsync(TenantScope.All, new InstanceFilter { FlowId = "welcome-journey", CorrelationKey = contact.Id }, default),
            list => list.Count == 1 && list[0].Status == InstanceStatus.Waiting,
            what: "the welcome journey waiting two hours for a first order");
        // An hour at a time: a step that falls in quiet hours (21:00-08:00 WAT, this clock is the real time) waits for the
        // morning, and the welcome still goes inside the customer's 24-hour window whatever the hour the test runs.
        InstanceDetails details = null!;
        for (var i = 0; i < 72; i++)
        {
            _clock.Advance(TimeSpan.FromHours(1));
            details = await Eventually.ReturnsAsync(
                () => queries.GetAsync(TenantScope.All, welcome[0].Id, default),
                d => d.Summary.Status != InstanceStatus.Running && (d.Summary.WakeAt is null || d.Summary.WakeAt > _clock.GetUtcNow()),
                what: "the welcome journey settled after the clock moved");
            if (details.Summary.Status.IsFinished())
            {
                break;
            }
        }

        details.Summary.Status.ShouldBe(InstanceStatus.Completed);
        var journal = details.Journal.ToJsonString();
        journal.ShouldContain("Welcome to Mama Nkechi", Case.Sensitive, "the welcome, sent inside the customer's 24-hour window");
        journal.ShouldContain(Name, Case.Sensitive, "rendered with the customer's name in the journal");
        journal.ShouldContain("\"nodeId\":\"nudge\"", Case.Sensitive, "a day without an order reaches the nudge");

        var lines = _logs.Lines;
        string[] forbidden = [Phone, "+" + Phone, "Chiamaka", "Okonkwo", Greeting, Order, "Adebola", "gate code 4471"];
        var leaks = lines.Where(l => forbidden.Any(f => l.Text.Contains(f, StringComparison.OrdinalIgnoreCase))).ToList();
        leaks.ShouldBeEmpty(string.Join("\n", leaks.Take(10)));
    }
}
