using HaloAgent.Integrations;
using HaloAgent.Marketing;
using System.Runtime.CompilerServices;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Persistence;
using HaloAgent.Commerce.Payments;
using HaloAgent.Commerce.Persistence;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Payments.Paystack;
using HaloAgent.Payments.Receipts;
using HaloAgent.Server.Audit;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Dashboard.Inbox;
using HaloAgent.Server.Startup.DataProtection;
using HaloAgent.Server.Studio.TestRuns;
using Microsoft.EntityFrameworkCore;
using HaloAgent.Platform.Naming;

namespace HaloAgent.Platform.Tests.Naming;

/// <summary>
/// Every name the snake_case rule gives to something stored or sent: the tables, columns and stored enum values of
/// every DbContext's model, and the enum values written to the wire or into stored JSON. They are pinned in
/// persisted-names.txt because renaming any of them would orphan data; the file changes only with a migration.
/// </summary>
public sealed class PersistedNamesTests
{
    /// <summary>Enums whose values leave the process as snake_case text outside a DbContext's converters.</summary>
    private static readonly Type[] WireEnums =
    [
        typeof(PaymentMethod), // the payment object templates read
        typeof(PaymentStatus),
        typeof(ReceiptVerdict), // stored in receipt submissions' reasons
        typeof(ReceiptReasonCode),
        typeof(PaystackConfirmationOutcome), // "paystack_<outcome>" review flags
        typeof(InboundMessageType), // WhatsApp's own names
        typeof(DeliveryStatus),
    ];

    [Fact]
    public void Every_persisted_name_is_unchanged()
    {
        var actual = ModelNames(UseSqlite).Concat(WireNames()).ToList();
        var pinned = File.ReadAllLines(PinFile()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        var added = actual.Except(pinned).ToList();
        var removed = pinned.Except(actual).ToList();
        (added.Count + removed.Count).ShouldBe(0,
            $"names changed. Now produced but not pinned:\n  {string.Join("\n  ", added)}\nPinned but no longer produced:\n  {string.Join("\n  ", removed)}");
    }

    [Fact]
    public void PostgreSQL_gets_the_same_names_as_SQLite()
    {
        ModelNames(UsePostgres).ShouldBe(ModelNames(UseSqlite));
    }

    [Fact]
    public void The_pins_cover_every_context_and_enum()
    {
        var pinned = File.ReadAllText(PinFile());
        foreach (var context in Contexts)
        {
            pinned.ShouldContain($"{context.Name} ");
        }

        foreach (var type in WireEnums)
        {
            pinned.ShouldContain($"wire {type.Name}.");
        }
    }

    private static readonly Type[] Contexts =
    [
        typeof(EngineDbContext), typeof(CommerceDbContext), typeof(ChannelsDbContext), typeof(AuthDbContext),
        typeof(AuditDbContext), typeof(TestRunsDbContext), typeof(DataProtectionKeysDbContext), typeof(InboxDbContext), typeof(MarketingDbContext),
        typeof(IntegrationsDbContext),
    ];

    private static void UseSqlite(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=:memory:");

    private static void UsePostgres(DbContextOptionsBuilder options) => options.UseNpgsql("Host=localhost;Database=names");

    private static List<string> ModelNames(Action<DbContextOptionsBuilder> provider)
    {
        var lines = new List<string>();
        foreach (var type in Contexts)
        {
            var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
            provider(options);
            using var context = (DbContext)Activator.CreateInstance(type, options.Options)!;
            foreach (var entity in context.Model.GetEntityTypes().OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
            {
                var table = entity.GetTableName();
                foreach (var property in entity.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    lines.Add($"{type.Name} {table}.{property.GetColumnName()} <- {property.Name}");
                    var enumType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                    if (enumType.IsEnum)
                    {
                        var converter = property.GetTypeMapping().Converter;
                        foreach (var value in Enum.GetValues(enumType))
                        {
                            var stored = converter is null ? Convert.ToInt64(value) : converter.ConvertToProvider(value);
                            lines.Add($"{type.Name} {table}.{property.GetColumnName()} = {stored} <- {value}");
                        }
                    }
                }
            }
        }

        return lines;
    }

    private static IEnumerable<string> WireNames() =>
        from type in WireEnums
        from value in Enum.GetValues(type).Cast<Enum>()
        select $"wire {type.Name}.{value} = {WireName(value)}";

    /// <summary>The rule the code that writes these values uses.</summary>
    private static string WireName(Enum value) => SnakeCase.Of(value.ToString());

    private static string PinFile([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "persisted-names.txt");
}
