using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace SignauxFaibles.IntegrationTests.WalkingSkeleton;

internal static class Db
{
    /// <summary>Runs a query on a fresh DbContext of a running service.</summary>
    public static async Task<T> QueryAsync<TDbContext, T>(IServiceProvider services, Func<TDbContext, Task<T>> query)
        where TDbContext : DbContext
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TDbContext>());
    }
}
