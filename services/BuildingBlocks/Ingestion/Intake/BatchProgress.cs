using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Ingestion.Batches;

namespace SignauxFaibles.Ingestion.Intake;

/// <summary>
/// Makes a running batch's counters visible while its transaction is still open: at most once a
/// second, they are written through another connection (the batch transaction only writes the
/// batch row when it ends, so the two never wait for each other).
/// </summary>
public sealed class BatchProgress<TDbContext>(IServiceScopeFactory scopes, TimeProvider clock)
    where TDbContext : DbContext
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public async Task ReportAsync(Batch batch, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now < _next) return;
        _next = now + Interval;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await db.Set<Batch>().Where(b => b.Id == batch.Id && b.Status == BatchStatus.Parsing)
            .ExecuteUpdateAsync(b => b
                .SetProperty(x => x.LinesRead, batch.LinesRead)
                .SetProperty(x => x.RecordsAccepted, batch.RecordsAccepted)
                .SetProperty(x => x.LinesRejected, batch.LinesRejected)
                .SetProperty(x => x.RecordsPublished, batch.RecordsPublished), ct);
    }
}
