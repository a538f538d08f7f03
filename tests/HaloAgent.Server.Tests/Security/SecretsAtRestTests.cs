using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Persistence;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Startup.DataProtection;
using HaloAgent.Server.Tests.Conversations;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;
using HaloAgent.Testing.FakeGraph;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Security;

/// <summary>
/// The WhatsApp token at rest in the real server: only ciphertext in the <c>businesses</c> row, its key in the
/// <c>data_protection_keys</c> table shared by every node; a node that did not write it still sends with it.
/// </summary>
public sealed class SecretsAtRestTests : IAsyncLifetime
{
    private const string AppSecret = "secrets-app-secret";
    private FakeGraphServer _graph = null!;

    public async Task InitializeAsync() => _graph = await FakeGraphServer.StartAsync("EAAGsecret-graph-token-51f0c2");

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    public static TheoryData<DatabaseProvider> Providers() => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_second_node_decrypts_the_token_the_first_stored_and_sends_with_it(DatabaseProvider provider)
    {
        var database = await NewDatabaseAsync(provider);
        string stored;
        await using (var first = Node(provider, database, withToken: true))
        {
            stored = (await StoredTokenAsync(first)).ShouldNotBeNull();
            stored.ShouldStartWith("dp1:");
            stored.ShouldNotContain(_graph.AccessToken);
            (await first.Services.GetRequiredService<IBusinessDirectory>().FindBySlugAsync(DemoBusinessSeeder.DemoSlug, default))!
                .WhatsAppAccessToken.ShouldBe(_graph.AccessToken);
            // The ciphertext names its key; that key is a row of the shared table (not a file on this machine).
            (await KeyRingAsync(first)).ShouldContain(xml => xml.Contains($"id=\"{KeyId(stored)}\""));
        }

        // The second node has no token in its configuration: it can only send with the one it decrypts from the row.
        await using var second = Node(provider, database, withToken: false);
        var customer = new WhatsAppCustomer(second.CreateClient(), _graph, AppSecret, "2348039990001");
        await customer.SaysAsync("Hello", r => r.Text?.Contains("Mama Nkechi") == true, "a greeting sent with the stored token");
        _graph.Requests.ShouldAllBe(r => r.Authorization == $"Bearer {_graph.AccessToken}");
        (await StoredTokenAsync(second)).ShouldBe(stored, "reading never rewrites the row");
        (await KeyRingAsync(second)).Count.ShouldBe(1, "the second node used the first node's key instead of making its own");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_token_stored_in_clear_is_encrypted_at_the_next_start(DatabaseProvider provider)
    {
        var database = await NewDatabaseAsync(provider);
        await using (var before = Node(provider, database, withToken: false))
        {
            // As a database written before encryption has it.
            await using var db = await Commerce(before).CreateDbContextAsync();
            await db.Businesses.ExecuteUpdateAsync(s => s.SetProperty(b => b.WhatsAppAccessToken, _graph.AccessToken));
        }

        await using var after = Node(provider, database, withToken: false);
        var stored = (await StoredTokenAsync(after)).ShouldNotBeNull();
        stored.ShouldStartWith("dp1:");
        stored.ShouldNotContain(_graph.AccessToken);
        var customer = new WhatsAppCustomer(after.CreateClient(), _graph, AppSecret, "2348039990002");
        await customer.SaysAsync("Hello", r => r.Text?.Contains("Mama Nkechi") == true, "a greeting sent with the migrated token");
    }

    [Fact]
    public async Task Without_the_key_ring_table_a_node_cannot_read_the_token()
    {
        var database = await NewDatabaseAsync(DatabaseProvider.Postgres);
        await using (var first = Node(DatabaseProvider.Postgres, database, withToken: true))
        {
            await using var scope = first.Services.CreateAsyncScope();
            // A database restored without its key ring (the backup note in README.md).
            await scope.ServiceProvider.GetRequiredService<DataProtectionKeysDbContext>().DataProtectionKeys.ExecuteDeleteAsync();
        }

        await using var second = Node(DatabaseProvider.Postgres, database, withToken: false);
        (await StoredTokenAsync(second)).ShouldNotBeNull().ShouldStartWith("dp1:");
        (await second.Services.GetRequiredService<IBusinessDirectory>().FindBySlugAsync(DemoBusinessSeeder.DemoSlug, default))!
            .WhatsAppAccessToken.ShouldBeNull();
    }

    [Fact]
    public async Task With_a_certificate_the_key_ring_is_stored_encrypted_and_another_node_with_it_still_decrypts()
    {
        var database = await NewDatabaseAsync(DatabaseProvider.Postgres);
        var pfx = Path.Combine(Path.GetTempPath(), $"halo-keyring-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=HaloAgent key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        }

        var withCertificate = new Dictionary<string, string>
        {
            ["HaloAgent:DataProtection:CertificatePath"] = pfx,
            ["HaloAgent:DataProtection:CertificatePassword"] = "pfx-password",
        };
        try
        {
            await using (var first = Node(DatabaseProvider.Postgres, database, withToken: true, withCertificate))
            {
                var key = (await KeyRingAsync(first)).ShouldHaveSingleItem();
                key.ShouldContain("encryptedSecret");
                key.ShouldNotContain("<value>", Case.Sensitive, "the master key is not in the row in clear");
            }

            await using var second = Node(DatabaseProvider.Postgres, database, withToken: false, withCertificate);
            (await second.Services.GetRequiredService<IBusinessDirectory>().FindBySlugAsync(DemoBusinessSeeder.DemoSlug, default))!
                .WhatsAppAccessToken.ShouldBe(_graph.AccessToken);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private HaloAgentFactory Node(DatabaseProvider provider, string database, bool withToken, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:GraphBaseUrl"] = _graph.BaseUrl,
            ["WhatsApp:PhoneNumberId"] = WhatsAppWebhookBuilder.DefaultPhoneNumberId,
            ["WhatsApp:PairSpacing"] = "00:00:00",
        };
        if (withToken)
        {
            settings["WhatsApp:AccessToken"] = _graph.AccessToken;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return new HaloAgentFactory(provider, database, settings);
    }

    private static async Task<string> NewDatabaseAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(Path.GetTempPath(), $"halo-secrets-{Guid.NewGuid():N}.db")}"
            : await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("secrets");

    private static IDbContextFactory<CommerceDbContext> Commerce(HaloAgentFactory node) =>
        node.Services.GetRequiredService<IDbContextFactory<CommerceDbContext>>();

    private static async Task<string?> StoredTokenAsync(HaloAgentFactory node)
    {
        await using var db = await Commerce(node).CreateDbContextAsync();
        return await db.Businesses.Where(b => b.Slug == DemoBusinessSeeder.DemoSlug).Select(b => b.WhatsAppAccessToken).SingleAsync();
    }

    private static async Task<IReadOnlyList<string>> KeyRingAsync(HaloAgentFactory node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DataProtectionKeysDbContext>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    /// <summary>A Data Protection payload: 4-byte magic header, then the id of the key that protected it.</summary>
    private static Guid KeyId(string stored) => new(WebEncoders.Base64UrlDecode(stored["dp1:".Length..]).AsSpan(4, 16));
}
