using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Persistence;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Marketing;

/// <summary>
/// An experiment's history written straight into the tables (running thousands of instances would only slow the tests):
/// assignments as the Split records them and bought orders as Commerce stores them.
/// </summary>
public static class ExperimentSeed
{
    public const long OrderKobo = 250_000;

    /// <summary>A Start → Split (A 50 / B 50) → SendMenu per branch flow, as imported JSON.</summary>
    public static string Flow(string id, string label) => $$"""
        {
          "id": "{{id}}", "name": "Menu A/B {{id}}",
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "split", "type": "Split", "label": "{{label}}", "inputs": { "variants": [ { "name": "A", "weight": 50 }, { "name": "B", "weight": 50 } ] } },
            { "id": "menu-a", "type": "SendMenu" },
            { "id": "menu-b", "type": "SendMenu" }
          ],
          "edges": [
            { "from": "start", "to": "split" }, { "from": "split", "outcome": "A", "to": "menu-a" }, { "from": "split", "outcome": "B", "to": "menu-b" }
          ]
        }
        """;

    /// <summary>
    /// <paramref name="exposed"/> contacts put in <paramref name="variant"/> of Split "split" at <paramref name="at"/>
    /// (Unix ms): the first <paramref name="converted"/> order a day later, the next <paramref name="late"/> ten days
    /// later (outside a 7-day goal window). Only the ones who order are stored as contacts: the rest need no row.
    /// </summary>
    public static async Task SeedAsync(IServiceProvider services, string businessId, string flowId, string variant, int exposed, int converted, int late, long at)
    {
        var day = (long)TimeSpan.FromDays(1).TotalMilliseconds;
        var subjects = Enumerable.Range(0, exposed).Select(i => $"exp-{flowId}-{variant}-{i}").ToList();
        var contacts = subjects.Take(converted + late).Select((id, i) => new Contact
        {
            Id = id, BusinessId = businessId, WaId = $"2349{flowId.Sum(ch => ch) % 1000:000}{variant[0] % 10}{i:00000}", Name = $"{variant}{i}",
        }).ToList();
        var orders = contacts.Take(converted).Select(c => Order(c, at + day))
            .Concat(contacts.Skip(converted).Select(c => Order(c, at + 10 * day))).ToList();
        await using (var db = await services.GetRequiredService<IDbContextFactory<CommerceDbContext>>().CreateDbContextAsync())
        {
            db.Contacts.AddRange(contacts);
            db.Orders.AddRange(orders);
            await db.SaveChangesAsync();
        }

        await services.GetRequiredService<EngineDatabase>().WriteAsync(async scope =>
        {
            scope.Db.VariantAssignments.AddRange(subjects.Select(s => new VariantAssignmentRecord
            {
                FlowId = flowId, NodeId = "split", Subject = s, Variant = variant, InstanceId = "seeded-" + s, AssignedAt = at,
            }));
            await scope.Db.SaveChangesAsync(scope.CancellationToken);
        }, default);

        Order Order(Contact c, long createdAt) => new()
        {
            Id = "order-" + c.Id, BusinessId = businessId, ContactId = c.Id, Number = $"X-{c.Id}",
            Status = OrderStatus.Paid, Fulfilment = Fulfilment.Pickup, SubtotalKobo = OrderKobo, TotalKobo = OrderKobo,
            CreatedAt = createdAt, UpdatedAt = createdAt,
        };
    }
}
