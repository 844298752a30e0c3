using Npgsql;
using NpgsqlTypes;
using SignauxFaibles.Notifications.Inbox;

namespace SignauxFaibles.Notifications.Routing;

/// <summary>
/// Stores new inbox entries by binary COPY in the caller's transaction: a scoring run's changes
/// make thousands of entries a second, and tracking each as an entity cost more than routing them.
/// The unique (change, officer) index still refuses a duplicate, failing the whole set.
/// </summary>
public static class AlertCopy
{
    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyCollection<Alert> alerts, CancellationToken ct)
    {
        if (alerts.Count == 0) return;
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY alerts (id, officer_id, change_key, siren, company_name, month, previous_level, level, main_themes, mail_plan, changed_at, created_at) "
            + "FROM STDIN (FORMAT BINARY)", ct);
        foreach (var alert in alerts)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(alert.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(alert.OfficerId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(alert.ChangeKey, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(alert.Siren.Value, NpgsqlDbType.Varchar, ct);
            if (alert.CompanyName is null) await copy.WriteNullAsync(ct);
            else await copy.WriteAsync(alert.CompanyName, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(alert.Month.FirstDay, NpgsqlDbType.Date, ct);
            await copy.WriteAsync(alert.PreviousLevel.ToString(), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(alert.Level.ToString(), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(alert.MainThemes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await copy.WriteAsync(alert.MailPlan.ToString(), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(alert.ChangedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(alert.CreatedAt, NpgsqlDbType.TimestampTz, ct);
        }
        await copy.CompleteAsync(ct);
    }
}
