using System.Security.Cryptography;
using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Businesses.Secrets;
using HaloAgent.Commerce.Persistence;
using HaloAgent.Commerce.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HaloAgent.Commerce.Tests;

/// <summary>A business's WhatsApp token at rest: only ciphertext in the row, the clear token through the directory.</summary>
public abstract class BusinessSecretsScenarios(TestDatabase database) : IAsyncLifetime
{
    private const string Token = "EAAGm0PX4ZCpsBAKZCclear-token-7f3a9c";
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"halo-keys-{Guid.NewGuid():N}");
    private CommerceHost _host = null!;

    public async Task InitializeAsync() =>
        // A key ring of its own (not the machine's default folder), like the server's database-backed one.
        _host = await CommerceHost.StartAsync(database, services => services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(_keys)));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        if (System.IO.Directory.Exists(_keys))
        {
            System.IO.Directory.Delete(_keys, recursive: true);
        }
    }

    [Fact]
    public async Task The_row_holds_only_ciphertext_and_the_directory_reads_the_clear_token()
    {
        await _host.Get<DemoBusinessSeeder>().SeedAsync("109876543210", Token, default);

        var stored = await StoredTokenAsync();
        stored.ShouldNotBeNull().ShouldStartWith(ISecretProtector.StoredPrefix);
        stored.ShouldNotContain(Token);
        stored.ShouldNotContain(Token[..12], Case.Insensitive, "no recognisable part of the token either");
        (await Businesses().FindByWhatsAppPhoneNumberIdAsync("109876543210", default))!.WhatsAppAccessToken.ShouldBe(Token);
        (await Businesses().ListAsync(default)).ShouldHaveSingleItem().WhatsAppAccessToken.ShouldBe(Token);
    }

    [Fact]
    public async Task Configuring_the_same_token_again_rewrites_nothing_and_a_new_token_replaces_it()
    {
        var seeder = _host.Get<DemoBusinessSeeder>();
        await seeder.SeedAsync(null, Token, default);
        var first = await StoredTokenAsync();

        await seeder.SeedAsync(null, Token, default);
        (await StoredTokenAsync()).ShouldBe(first, "an unchanged token is not encrypted again at every start");

        await seeder.SeedAsync(null, "EAAG-rotated-token", default);
        var rotated = (await StoredTokenAsync()).ShouldNotBeNull();
        rotated.ShouldNotBe(first);
        rotated.ShouldNotContain("EAAG-rotated-token");
        _host.Get<BusinessSecrets>().ReadWhatsAppAccessToken(new Business { Id = "x", Slug = "x", Name = "x", WhatsAppAccessToken = rotated })
            .ShouldBe("EAAG-rotated-token");
    }

    [Fact]
    public async Task A_token_stored_in_clear_before_encryption_is_encrypted_once()
    {
        await SetStoredTokenAsync(Token);
        (await Businesses().GetAsync(_host.BusinessId, default))!.WhatsAppAccessToken.ShouldBe(Token, "still usable until it is migrated");

        var secrets = _host.Get<BusinessSecrets>();
        (await secrets.ProtectStoredAsync(default)).ShouldBe(1);
        var stored = await StoredTokenAsync();
        stored.ShouldNotBeNull().ShouldStartWith(ISecretProtector.StoredPrefix);
        stored.ShouldNotContain(Token);

        (await secrets.ProtectStoredAsync(default)).ShouldBe(0, "idempotent: a ciphertext is recognised and left alone");
        (await StoredTokenAsync()).ShouldBe(stored);
        var fresh = new BusinessDirectory(_host.Get<IDbContextFactory<CommerceDbContext>>(), secrets);
        (await fresh.GetAsync(_host.BusinessId, default))!.WhatsAppAccessToken.ShouldBe(Token);
    }

    [Fact]
    public async Task A_token_whose_key_is_not_in_the_key_ring_reads_as_no_token_and_says_why()
    {
        await _host.Get<DemoBusinessSeeder>().SeedAsync(null, Token, default);
        var logs = new ListLogger();
        // Another key ring (a restored database without its key ring table, say): the same ciphertext cannot be read.
        var stranger = new BusinessSecrets(
            new DataProtectionSecretProtector(new EphemeralDataProtectionProvider()),
            _host.Get<IDbContextFactory<CommerceDbContext>>(), _host.Clock, logs);

        var directory = new BusinessDirectory(_host.Get<IDbContextFactory<CommerceDbContext>>(), stranger);
        var business = (await directory.GetAsync(_host.BusinessId, default))!;

        business.WhatsAppAccessToken.ShouldBeNull();
        business.Slug.ShouldBe(DemoBusinessSeeder.DemoSlug, "the business is still found (webhooks keep routing)");
        logs.Messages.ShouldHaveSingleItem().ShouldContain("data_protection_keys");
        logs.Messages.Single().ShouldNotContain(Token);
    }

    [Fact]
    public void A_ciphertext_made_for_one_kind_of_secret_does_not_decrypt_as_another()
    {
        var protector = _host.Get<ISecretProtector>();
        var stored = protector.Protect(SecretPurposes.WhatsAppAccessToken, Token);

        protector.Unprotect(SecretPurposes.WhatsAppAccessToken, stored).ShouldBe(Token);
        Should.Throw<CryptographicException>(() => protector.Unprotect("HaloAgent.Something.Else", stored));
    }

    private IBusinessDirectory Businesses() => _host.Get<BusinessDirectory>();

    private async Task<string?> StoredTokenAsync()
    {
        await using var db = await _host.DbAsync();
        return await db.Businesses.AsNoTracking().Where(b => b.Id == _host.BusinessId).Select(b => b.WhatsAppAccessToken).SingleAsync();
    }

    private async Task SetStoredTokenAsync(string value)
    {
        await using var db = await _host.DbAsync();
        await db.Businesses.Where(b => b.Id == _host.BusinessId).ExecuteUpdateAsync(s => s.SetProperty(b => b.WhatsAppAccessToken, value));
    }

    private sealed class ListLogger : ILogger<BusinessSecrets>
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return _messages.ToList();
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => NullLogger.Instance.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_messages)
            {
                _messages.Add(formatter(state, exception));
            }
        }
    }
}

public sealed class SqliteBusinessSecretsTests() : BusinessSecretsScenarios(TestDatabase.Sqlite);

public sealed class PostgresBusinessSecretsTests() : BusinessSecretsScenarios(TestDatabase.Postgres);
