using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Notifications.Data;

namespace SignauxFaibles.Notifications.Territories;

/// <summary>Keeps each establishment's département, région and state as the latest Sirene record says.</summary>
public sealed class EstablishmentLocations(NotificationsDbContext db, TimeProvider clock)
{
    public async Task ApplyAsync(IReadOnlyList<EstablishmentRegistration> records, CancellationToken ct)
    {
        // One chunk may carry the same SIRET twice (a stock and its correction): the last one wins.
        var latest = records.GroupBy(r => r.Siret).Select(g => g.Last()).ToList();
        var sirets = latest.Select(r => r.Siret).ToList();
        var known = await db.Establishments.Where(e => sirets.Contains(e.Siret)).ToDictionaryAsync(e => e.Siret, ct);
        var now = clock.GetUtcNow();
        foreach (var record in latest)
        {
            if (!known.TryGetValue(record.Siret, out var establishment))
            {
                establishment = new CompanyEstablishment { Siret = record.Siret, Siren = record.Siret.Siren };
                db.Establishments.Add(establishment);
            }
            establishment.Departement = record.Departement;
            establishment.Region = record.Region;
            establishment.Active = record.Active;
            establishment.UpdatedAt = now;
        }
    }
}
