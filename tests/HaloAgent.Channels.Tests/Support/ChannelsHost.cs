using System.Data.Common;
using Dapper;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Inbox;
using HaloAgent.Channels.Outbox;
using HaloAgent.Channels.Persistence;
using HaloAgent.Channels.Routing;
using HaloAgent.Channels.Twilio;
using HaloAgent.Channels.WebChat;
using HaloAgent.Channels.WhatsApp;
using HaloAgent.Engine.Runtime;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Testing;
using HaloAgent.Testing.FakeGraph;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HaloAgent.Channels.Tests.Support;

/// <summary>
/// The channels on a real database behind a real Kestrel (loopback, free port), with the clock and the background
/// loops in the test's hands: workers are off, and tests call <see cref="Processor"/> and <see cref="Sender"/> directly.
/// </summary>
public sealed class ChannelsHost : IAsyncDisposable
{
    public const string AppSecret = "test-app-secret";
    public const string VerifyToken = "test-verify-token";
    public const string TwilioAuthToken = "test-twilio-auth-token";
    public const string BusinessId = "biz-mama-nkechi";
    public const string PhoneNumberId = WhatsAppWebhookBuilder.DefaultPhoneNumberId;
    public const string TwilioNumber = "+2348000000001";
    public const string Customer = "2348030000001";
    public const string Slug = "mama-nkechi";
    public const string BusinessName = "Mama Nkechi's Kitchen";

    private readonly WebApplication _app;

    private ChannelsHost(WebApplication app, ManualClock clock, RecordingInboundHandler handler, InMemoryChannelBusinessDirectory directory)
    {
        _app = app;
        Clock = clock;
        Handler = handler;
        Directory = directory;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public ManualClock Clock { get; }

    public RecordingInboundHandler Handler { get; }

    public InMemoryChannelBusinessDirectory Directory { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public WebhookInboxProcessor Processor => Services.GetRequiredService<WebhookInboxProcessor>();

    public OutboxSender Sender => Services.GetRequiredService<OutboxSender>();

    public IOutbox Outbox => Services.GetRequiredService<IOutbox>();

    public string WhatsAppUrl => new Uri(Http.BaseAddress!, WhatsAppWebhookEndpoints.Path).ToString();

    public string TwilioUrl => new Uri(Http.BaseAddress!, TwilioWebhookEndpoints.Path).ToString();

    /// <param name="graph">The fake Graph server to send to (the business's token is its token).</param>
    /// <param name="settings">Configuration overrides (e.g. <c>WhatsApp:MessagesPerSecond</c>).</param>
    /// <param name="withEngine">Also registers and migrates the engine runtime (for step writes).</param>
    public static async Task<ChannelsHost> StartAsync(
        DatabaseTarget database, FakeGraphServer? graph = null, IDictionary<string, string?>? settings = null, bool withEngine = false,
        Action<IServiceCollection>? configure = null)
    {
        var clock = new ManualClock();
        var handler = new RecordingInboundHandler();
        var directory = new InMemoryChannelBusinessDirectory(
            new ChannelBusiness(BusinessId, PhoneNumberId, graph?.AccessToken ?? FakeGraphServer.DefaultAccessToken, TwilioNumber) { Slug = Slug, Name = BusinessName });

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:VerifyToken"] = VerifyToken,
            ["WhatsApp:GraphBaseUrl"] = graph?.BaseUrl ?? "http://127.0.0.1:9/v21.0",
            ["Twilio:AuthToken"] = TwilioAuthToken,
            ["HaloAgent:Channels:RunWorkers"] = "false",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddSingleton<TimeProvider>(clock);
        if (withEngine)
        {
            builder.Services.AddHaloEngineRuntime(database.Provider, database.ConnectionString);
            builder.Services.Configure<EngineOptions>(o => o.RunWorkers = false);
        }

        builder.Services.AddDataProtection(); // the host's part (the server keeps its ring in the database)
        builder.Services.AddHaloChannels(builder.Configuration, database.Provider, database.ConnectionString);
        builder.Services.AddSingleton<IChannelBusinessDirectory>(directory);
        builder.Services.AddSingleton<IInboundMessageHandler>(handler);
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.UseRateLimiter();
        app.MapWhatsAppWebhooks();
        app.MapTwilioWebhooks();
        app.MapWebChat();
        if (withEngine)
        {
            await app.Services.GetRequiredService<EngineMigrator>().MigrateAsync(CancellationToken.None);
        }

        await app.Services.GetRequiredService<ChannelsMigrator>().MigrateAsync(CancellationToken.None);
        await app.StartAsync();
        return new ChannelsHost(app, clock, handler, directory);
    }

    /// <summary>Posts a webhook signed with the configured app secret.</summary>
    public Task<HttpResponseMessage> PostAsync(WhatsAppWebhookBuilder webhook) => Http.SendAsync(webhook.Sign(AppSecret).ToRequest(WhatsAppUrl));

    public Task<HttpResponseMessage> PostAsync(SignedWebhook webhook) => Http.SendAsync(webhook.ToRequest(WhatsAppUrl));

    public async Task<T> SqlAsync<T>(Func<DbConnection, Task<T>> query)
    {
        var settings = Services.GetRequiredService<ChannelsDatabaseSettings>();
        await using DbConnection connection = settings.Provider == DatabaseProvider.Postgres
            ? new Npgsql.NpgsqlConnection(settings.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync();
        return await query(connection);
    }

    public Task<long> CountAsync(string table, string where = "1 = 1", object? parameters = null) =>
        SqlAsync(c => c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE {where}", parameters));

    public Task<int> ProcessAsync() => Processor.ProcessPendingAsync(CancellationToken.None);

    public Task<int> SendAsync() => Sender.SendDueAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
