using System.Text;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Operations.Audit;
using SignauxFaibles.Operations.Outbox;
using SignauxFaibles.Operations.Status;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Messaging;

/// <summary>
/// A row the relay can never publish (its type renamed away) is parked after a few failures, the
/// rows behind it (its own partition included) are published, and an operator can retry or drop it.
/// </summary>
public sealed class OutboxParkingTests(IntegrationEnvironment env) : IClassFixture<IntegrationEnvironment>
{
    private const string RenamedType = "SignauxFaibles.Contracts.Urssaf.DebitRecordedV0, SignauxFaibles.Contracts";

    [Fact]
    public async Task A_poison_row_is_parked_and_the_rows_behind_it_are_published()
    {
        using var consumer = await LedgerHost.StartAsync(env, "consumer", bus => bus.AddConsumer<SequencedItemConsumer, SequencedItemConsumerDefinition>());
        using var producer = await LedgerHost.StartAsync(env, "producer", settings: new Dictionary<string, string?>
        {
            ["Messaging:Outbox:ParkAfterFailures"] = "3",
        });

        await using (var scope = producer.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            outbox.Publish(new SequencedItemPublished("p0", 1), "p0");
            // Written by an earlier build whose contract has since been renamed: no type to publish it as.
            db.Set<OutboxMessage>().Add(new OutboxMessage
            {
                MessageId = Guid.NewGuid(), MessageType = RenamedType, Body = Encoding.UTF8.GetBytes("""{"siren":"552100554"}"""),
                PartitionKey = "p0", CreatedAt = DateTimeOffset.UtcNow,
            });
            outbox.Publish(new SequencedItemPublished("p0", 2), "p0");
            outbox.Publish(new SequencedItemPublished("p1", 1), "p1");
            await db.SaveChangesAsync();
        }

        await Eventually.UntilAsync(() => LedgerHost.ReceivedCountAsync(consumer.Services), n => n == 3, TimeSpan.FromSeconds(60),
            "the three publishable items received, the one behind the poison row included");
        var parked = await ParkedRowAsync(producer.Services);
        Assert.NotNull(parked.ParkedAt);
        Assert.Equal(3, parked.FailedAttempts);
        Assert.Contains(RenamedType, parked.LastError);

        // The operator's view and actions (sf ops outbox parked …), audited.
        var auditPath = Path.Combine(Path.GetTempPath(), $"sf-ops-audit-{Guid.NewGuid():N}.jsonl");
        var database = $"{env.VirtualHost}_producer".ToLowerInvariant();
        var operations = new ParkedOutboxOperations(new ServiceDatabaseProbe(env.Servers.Postgres, env.VirtualHost + "_"), new OperationsAuditLog(auditPath), "tester");
        var listed = Assert.Single(await operations.ListAsync(null));
        Assert.Equal((database, parked.MessageId), (listed.Database, listed.MessageId));

        Assert.Single(await operations.RetryAsync(database, [listed.Id]));
        // Given back, it fails again from zero and is parked again: the relay did not stall meanwhile.
        await Eventually.UntilAsync(() => ParkedRowAsync(producer.Services), r => r.ParkedAt is not null && r.FailedAttempts == 3,
            TimeSpan.FromSeconds(60), "the retried row parked again");

        Assert.Single(await operations.DropAsync(database, [], "contract removed in 2026-12"));
        Assert.Empty(await operations.ListAsync(database));
        await using (var scope = producer.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Set<OutboxMessage>().CountAsync());
        }
        var audit = await File.ReadAllLinesAsync(auditPath);
        Assert.Equal(2, audit.Length);
        Assert.Contains("\"action\":\"outbox-retry\"", audit[0]);
        Assert.Contains("\"action\":\"outbox-drop\"", audit[1]);
        Assert.Contains("552100554", audit[1]); // the dropped body is kept
        File.Delete(auditPath);
        Assert.Equal(3, await LedgerHost.ReceivedCountAsync(consumer.Services));
    }

    private static async Task<OutboxMessage> ParkedRowAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync();
    }
}
