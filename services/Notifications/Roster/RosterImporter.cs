using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Notifications.Data;
using SignauxFaibles.Notifications.Officers;

namespace SignauxFaibles.Notifications.Roster;

/// <summary>
/// Applies a roster to the directory: officers are keyed by e-mail, so a re-import updates them
/// and never duplicates anyone; their own preferences (mail, subscription) are left alone. Valid
/// lines are imported even when others are rejected.
/// </summary>
public sealed class RosterImporter(NotificationsDbContext db, OfficerDirectoryAnnouncer directory, TimeProvider clock)
{
    /// <param name="file">A seekable stream over the roster as delivered (xlsx or CSV, possibly zipped).</param>
    /// <param name="complete">The roster lists everybody: officers missing from it are deactivated.</param>
    public async Task<RosterImportReport> ImportAsync(Stream file, string fileName, bool complete, CancellationToken ct)
    {
        var lines = new List<RosterLine>();
        var rejects = new List<SignauxFaibles.Ingestion.Parsing.LineReject>();
        await using (var delivered = await DeliveredFile.OpenAsync(file, ct))
        {
            await foreach (var parsed in delivered.ParseAsync(new RosterParser(), fileName, ct))
            {
                if (parsed.Record is RosterLine line) lines.Add(line);
                else if (parsed.Reject is { } reject) rejects.Add(reject);
            }
        }

        var now = clock.GetUtcNow();
        var officers = await db.Officers.ToDictionaryAsync(o => o.Email, StringComparer.Ordinal, ct);
        int created = 0, updated = 0, unchanged = 0, deactivated = 0;
        foreach (var line in lines)
        {
            if (!officers.TryGetValue(line.Email, out var officer))
            {
                officer = new Officer
                {
                    Id = Guid.NewGuid(), Email = line.Email, FirstName = line.FirstName, LastName = line.LastName,
                    Institution = line.Institution, AccessLevel = line.AccessLevel,
                };
                db.Officers.Add(officer);
                created++;
            }
            if (Apply(officer, line, now)) updated++;
            else unchanged++;
        }
        updated -= created;
        string? note = null;
        if (complete)
        {
            if (rejects.Count > 0)
            {
                // A rejected line may be a person who is still there: nobody is removed on a partial reading.
                note = "complete roster asked, but lines were rejected: nobody was deactivated";
            }
            else
            {
                var listed = lines.Select(l => l.Email).ToHashSet(StringComparer.Ordinal);
                foreach (var absent in officers.Values.Where(o => o.Active && !listed.Contains(o.Email)))
                {
                    absent.Active = false;
                    absent.UpdatedAt = now;
                    deactivated++;
                }
            }
        }
        directory.AnnounceChanges();
        await db.SaveChangesAsync(ct);
        return new RosterImportReport(fileName, lines.Count + rejects.Count, created, updated, unchanged, deactivated, rejects, note);
    }

    /// <summary>Copies the roster's facts onto the officer; true when something changed.</summary>
    private static bool Apply(Officer officer, RosterLine line, DateTimeOffset now)
    {
        var changed = officer.FirstName != line.FirstName || officer.LastName != line.LastName
            || officer.Institution != line.Institution || officer.Function != line.Function
            || officer.AccessLevel != line.AccessLevel || officer.Rights != line.Rights || officer.National != line.National
            || !officer.Departements.SequenceEqual(line.Departements) || !officer.Regions.SequenceEqual(line.Regions)
            || !officer.Active || officer.UpdatedAt == default;
        if (!changed) return false;
        officer.FirstName = line.FirstName;
        officer.LastName = line.LastName;
        officer.Institution = line.Institution;
        officer.Function = line.Function;
        officer.AccessLevel = line.AccessLevel;
        officer.Rights = line.Rights;
        officer.National = line.National;
        officer.Departements = [.. line.Departements];
        officer.Regions = [.. line.Regions];
        officer.Active = true;
        officer.UpdatedAt = now;
        return true;
    }
}
