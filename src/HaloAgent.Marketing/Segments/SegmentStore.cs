using System.Text.Json;
using HaloAgent.Platform.Audience;
using HaloAgent.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Marketing.Segments;

/// <summary>A segment as the API shows it: its filter parsed.</summary>
public sealed record SegmentView(string Id, string Name, AudienceFilter Filter, DateTimeOffset UpdatedAt);

/// <summary>What a marketer sends to save a segment.</summary>
public sealed record SegmentInput(string? Name, AudienceFilter? Filter);

/// <summary>A save refused: the fields at fault and why.</summary>
public sealed class SegmentRejectedException(IDictionary<string, string[]> errors) : Exception("The segment was not saved.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>Saved segments of one business (names unique within it).</summary>
public sealed class SegmentStore(IDbContextFactory<MarketingDbContext> factory, TimeProvider clock)
{
    public const int MaxName = 80;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<SegmentView>> ListAsync(string businessId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Segments.AsNoTracking().Where(s => s.BusinessId == businessId).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        return rows.Select(View).ToList();
    }

    public async Task<SegmentView?> FindAsync(string businessId, string id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.BusinessId == businessId && s.Id == id, cancellationToken);
        return row is null ? null : View(row);
    }

    /// <summary>The segment called <paramref name="nameOrId"/> (names are unique per business), else the one with that id.</summary>
    public async Task<SegmentView?> FindByNameOrIdAsync(string businessId, string nameOrId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Segments.AsNoTracking()
                .FirstOrDefaultAsync(s => s.BusinessId == businessId && s.Name == nameOrId, cancellationToken)
            ?? await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.BusinessId == businessId && s.Id == nameOrId, cancellationToken);
        return row is null ? null : View(row);
    }

    /// <summary>Creates (<paramref name="id"/> null) or replaces a segment; null when <paramref name="id"/> is not this business's.</summary>
    /// <exception cref="SegmentRejectedException">A missing or taken name, or a filter that cannot run.</exception>
    public async Task<SegmentView?> SaveAsync(string businessId, string? id, SegmentInput input, CancellationToken cancellationToken)
    {
        var name = input.Name?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (name.Length is 0 or > MaxName)
        {
            errors["name"] = [$"Give the segment a name of 1 to {MaxName} characters."];
        }

        if (AudienceFilters.Validate(input.Filter) is { Count: > 0 } problems)
        {
            errors["filter"] = problems.ToArray();
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (name.Length > 0 && await db.Segments.AnyAsync(s => s.BusinessId == businessId && s.Name == name && s.Id != id, cancellationToken))
        {
            errors["name"] = [$"Another segment is already called '{name}'."];
        }

        if (errors.Count > 0)
        {
            throw new SegmentRejectedException(errors);
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        Segment? row;
        if (id is null)
        {
            row = new Segment { Id = RowIds.New(), BusinessId = businessId, Name = name, Filter = "", CreatedAt = now };
            db.Segments.Add(row);
        }
        else if ((row = await db.Segments.FirstOrDefaultAsync(s => s.BusinessId == businessId && s.Id == id, cancellationToken)) is null)
        {
            return null;
        }

        row.Name = name;
        row.Filter = JsonSerializer.Serialize(input.Filter, Json);
        row.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return View(row);
    }

    public async Task<bool> DeleteAsync(string businessId, string id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Segments.Where(s => s.BusinessId == businessId && s.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    private static SegmentView View(Segment row) =>
        new(row.Id, row.Name, JsonSerializer.Deserialize<AudienceFilter>(row.Filter, Json)!, DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAt));
}
