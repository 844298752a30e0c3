using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SignauxFaibles.Messaging.Outbox;

namespace SignauxFaibles.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Outbox writer and relay for <typeparamref name="TDbContext"/>. Its model must call
    /// <see cref="MessagingModel.AddTransactionalMessaging"/>, and its options must include
    /// the <see cref="OutboxSignalInterceptor"/>.
    /// </summary>
    public static IServiceCollection AddTransactionalOutbox<TDbContext>(this IServiceCollection services, IConfiguration configuration)
        where TDbContext : DbContext
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxSignalInterceptor>();
        services.TryAddSingleton<OutboxParking>();
        services.AddOptions<OutboxRelayOptions>().Bind(configuration.GetSection(OutboxRelayOptions.Section));
        services.AddScoped<IOutbox, EfOutbox<TDbContext>>();
        services.AddSingleton<OutboxRelay<TDbContext>>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay<TDbContext>>());
        services.AddHostedService<OutboxBacklogSampler<TDbContext>>();
        return services;
    }
}
