using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.Notifications.Data;

internal sealed class NotificationsDesignTimeFactory : DesignTimeDbContextFactory<NotificationsDbContext>;
