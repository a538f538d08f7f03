using HaloAgent.Commerce.Persistence;
using HaloAgent.Platform.Languages;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Commerce.Businesses;

/// <summary>
/// Reads and saves a business's <see cref="ShopSettings"/>. A save is checked whole first (every problem named by its
/// field) and then written at once; the node that saved forgets its cached copy so the agent answers with the new
/// address, hours and fees on the next message (other nodes within <see cref="CachedBusinessDirectory.Lifetime"/>).
/// </summary>
public sealed class ShopSettingsStore(IDbContextFactory<CommerceDbContext> factory, CachedBusinessDirectory cache, TimeProvider clock)
{
    public const int MaxName = 80;
    public const int MaxAddress = 300;
    public const int MaxZones = 50;
    public const int MaxZoneName = 60;
    public const long MaxFeeKobo = 10_000_000; // ₦100,000: more is a typo in kobo, not a fee

    public async Task<ShopSettings?> GetAsync(string businessId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var business = await db.Businesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == businessId, cancellationToken);
        return business is null ? null : Read(business);
    }

    /// <summary>The problems by field (nothing saved), or the saved settings.</summary>
    public async Task<(ShopSettings? Saved, IReadOnlyDictionary<string, string[]> Problems)> SaveAsync(
        string businessId, ShopSettings input, CancellationToken cancellationToken)
    {
        var (clean, problems) = Check(input);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var business = await db.Businesses.FirstOrDefaultAsync(b => b.Id == businessId, cancellationToken);
        if (business is null)
        {
            return (null, new Dictionary<string, string[]> { [""] = ["There is no such business."] });
        }

        business.Name = clean.Name;
        business.PickupAddress = clean.PickupAddress ?? ""; // empty, not null: the demo seeder refills only a missing address
        business.OpeningHoursJson = Json.Write(clean.OpeningHours);
        business.DeliveryZonesJson = Json.Write(clean.DeliveryZones);
        (business.BankName, business.BankAccountNumber, business.BankAccountName) = clean.Bank is { } bank
            ? (bank.BankName, bank.AccountNumber, bank.AccountName)
            : ((string?)null, (string?)null, (string?)null);
        business.TemplateLanguageFallback = clean.TemplateLanguageFallback;
        business.UpdatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(businessId);
        return (Read(business), new Dictionary<string, string[]>());
    }

    private static ShopSettings Read(Business business)
    {
        var profile = BusinessProfiles.From(business);
        return new ShopSettings(
            profile.Name, profile.PickupAddress, profile.OpeningHours, profile.DeliveryZones, profile.Bank, profile.TemplateLanguageFallback);
    }

    private static (ShopSettings Clean, Dictionary<string, string[]> Problems) Check(ShopSettings input)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = (input.Name ?? "").Trim();
        if (name.Length is 0 or > MaxName)
        {
            problems["name"] = [$"Give the shop a name of 1 to {MaxName} characters."];
        }

        var address = string.IsNullOrWhiteSpace(input.PickupAddress) ? null : input.PickupAddress.Trim();
        if (address is { Length: > MaxAddress })
        {
            problems["pickupAddress"] = [$"Keep the pickup address under {MaxAddress} characters: customers read it on a phone."];
        }

        var hours = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in input.OpeningHours ?? new Dictionary<string, string>())
        {
            var day = key.Trim().ToLowerInvariant();
            var text = (value ?? "").Trim();
            if (!OpeningTimes.DayKeys.Contains(day))
            {
                problems[$"openingHours.{key}"] = [$"'{key}' is not a day; use {string.Join(", ", OpeningTimes.DayKeys)}."];
            }
            else if (text.Equals("closed", StringComparison.OrdinalIgnoreCase))
            {
                hours[day] = "closed";
            }
            else if (OpeningTimes.TryWindow(text, out var window))
            {
                // Stored as the parser reads it back: "8:00 – 23:30" is kept as "08:00-23:30".
                hours[day] = $"{OpeningTimes.Clock(window.Open)}-{OpeningTimes.Clock(window.Close)}";
            }
            else
            {
                problems[$"openingHours.{day}"] = ["Write the hours as 08:00-21:00, or mark the day closed."];
            }
        }

        var zones = new List<DeliveryZone>();
        var given = input.DeliveryZones ?? [];
        if (given.Count > MaxZones)
        {
            problems["deliveryZones"] = [$"At most {MaxZones} delivery zones."];
        }

        for (var i = 0; i < Math.Min(given.Count, MaxZones); i++)
        {
            var zoneName = (given[i]?.Name ?? "").Trim();
            var fee = given[i]?.FeeKobo ?? -1;
            if (zoneName.Length is 0 or > MaxZoneName)
            {
                problems[$"deliveryZones[{i}].name"] = [$"Name the zone in 1 to {MaxZoneName} characters."];
            }
            else if (zones.Any(z => string.Equals(z.Name, zoneName, StringComparison.OrdinalIgnoreCase)))
            {
                problems[$"deliveryZones[{i}].name"] = [$"'{zoneName}' is listed twice: customers pick a zone by its name."];
            }

            if (fee is < 0 or > MaxFeeKobo)
            {
                problems[$"deliveryZones[{i}].feeKobo"] = ["The fee is between ₦0 and ₦100,000."];
            }

            zones.Add(new DeliveryZone(zoneName, fee));
        }

        var bank = CheckBank(input.Bank, problems);
        var fallback = LanguageCodes.Normalize(input.TemplateLanguageFallback);
        if (fallback is null || !LanguageCodes.WithMetaTemplates.Contains(fallback))
        {
            problems["templateLanguageFallback"] = [$"Meta approves templates in {string.Join(" and ", LanguageCodes.WithMetaTemplates)} only."];
        }

        return (new ShopSettings(name, address, hours, zones, bank, fallback ?? LanguageCodes.English), problems);
    }

    private static BankDetails? CheckBank(BankDetails? input, Dictionary<string, string[]> problems)
    {
        var bankName = (input?.BankName ?? "").Trim();
        var number = (input?.AccountNumber ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        var accountName = (input?.AccountName ?? "").Trim();
        if (bankName.Length == 0 && number.Length == 0 && accountName.Length == 0)
        {
            return null; // no transfers: the payment settings then offer other methods
        }

        if (bankName.Length is 0 or > 80)
        {
            problems["bank.bankName"] = ["Name the bank (1 to 80 characters)."];
        }

        // Nigerian bank accounts are 10-digit NUBANs; a wrong digit sends a customer's money elsewhere.
        if (number.Length != 10 || !number.All(char.IsAsciiDigit))
        {
            problems["bank.accountNumber"] = ["The account number is the 10-digit NUBAN."];
        }

        if (accountName.Length is 0 or > 80)
        {
            problems["bank.accountName"] = ["Give the account name customers will see on their transfer (1 to 80 characters)."];
        }

        return new BankDetails(bankName, number, accountName);
    }
}
