using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Runtime;
using HaloAgent.Engine.Runtime.Management;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Platform.Identity;
using HaloAgent.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using HaloAgent.Integrations.Triggers;

namespace HaloAgent.Integrations.Tests.Support;

/// <summary>
/// The engine and the integrations module on a real database (a temporary SQLite file or a new PostgreSQL database),
/// served by Kestrel on loopback: <c>/hooks</c> as the server maps it, <c>/api</c> with the business taken from an
/// <c>X-Test-Business</c> header (the server's sign-in and owner policy are the server's, tested there). Workers are
/// off: the test drains the engine and runs the webhook sender's passes itself, on a manual clock.
/// </summary>
public sealed class IntegrationsHost : IAsyncDisposable
{
    public const string BusinessHeader = "X-Test-Business";

    private readonly WebApplication _app;

    private IntegrationsHost(WebApplication app, ManualClock clock, string url)
    {
        _app = app;
        Clock = clock;
        Url = url;
        Http = new HttpClient { BaseAddress = new Uri(url) };
    }

    public ManualClock Clock { get; }

    public string Url { get; }

    public HttpClient Http { get; }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<IntegrationsHost> StartAsync(DatabaseProvider provider, Action<IntegrationsOptions>? configure = null)
    {
        var connectionString = provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(Path.GetTempPath(), $"halo-integrations-{Guid.NewGuid():N}.db")};Pooling=False;Default Timeout=120"
            : await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("integrations");
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.FromHours(1)));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddHaloEngineRuntime(provider, connectionString);
        builder.Services.Configure<EngineOptions>(o => o.RunWorkers = false);
        builder.Services.AddHaloIntegrations(provider, connectionString);
        builder.Services.Configure<IntegrationsOptions>(o =>
        {
            o.RunWorker = false;
            o.FirstRetryDelay = TimeSpan.FromSeconds(10);
            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.Use((context, next) =>
        {
            if (context.Request.Headers[BusinessHeader].ToString() is { Length: > 0 } business)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(BusinessUser.ClaimType, business)], "test"));
            }

            return next(context);
        });
        app.MapGroup("/api").MapIntegrations();
        app.MapIntegrationHooks();
        await app.Services.GetRequiredService<EngineMigrator>().MigrateAsync(CancellationToken.None);
        await app.Services.MigrateIntegrationsAsync(CancellationToken.None);
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return new IntegrationsHost(app, clock, url);
    }

    public Task PublishAsync(string json) =>
        Get<FlowStore>().ImportAsync(TenantScope.All, FlowJson.Deserialize(json), publish: true, CancellationToken.None);

    public Task<int> DrainAsync() => Get<InstanceBatchRunner>().RunUntilIdleAsync(CancellationToken.None);

    public async Task<string> StartFlowAsync(string flowId)
    {
        var result = await Get<FlowRuntime>().StartAsync(TenantScope.All, flowId, new StartRequest { CorrelationKey = "contact-1" }, CancellationToken.None);
        result.Started.ShouldBeTrue(result.Reason);
        await DrainAsync();
        return result.InstanceId;
    }

    public Task<InstanceDetails> InstanceAsync(string id) => Get<InstanceQueries>().GetAsync(TenantScope.All, id, CancellationToken.None);

    public Task<IReadOnlyList<InstanceSummary>> InstancesAsync(string flowId) =>
        Get<InstanceQueries>().ListAsync(TenantScope.All, new InstanceFilter { FlowId = flowId }, CancellationToken.None);

    /// <summary>A request to the module's API as a user of <paramref name="business"/>.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string business, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(BusinessHeader, business);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return Http.SendAsync(request);
    }

    public async Task<JsonNode> JsonAsync(HttpMethod method, string path, string business, object? body = null)
    {
        using var response = await SendAsync(method, path, business, body);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public Task<HttpResponseMessage> HookAsync(string business, string name, string body, Action<HttpRequestMessage>? sign = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/{business}/{name}") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        sign?.Invoke(request);
        return Http.SendAsync(request);
    }

    public static string HookSecretHeader => HooksEndpoint.SecretHeader;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
