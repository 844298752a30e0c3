using MassTransit;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Messaging;
using SignauxFaibles.Messaging.Inbox;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Search;

namespace SignauxFaibles.Scoring.Names;

/// <summary>A company's name from Sirene, shown on the detection list (officers recognise companies by name); the same consumers keep the search index's names (Search/CompanySearchIndex).</summary>
public sealed class CompanyName
{
    public Siren Siren { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Keeps the names of Sirene legal units (registered or changed), the newest delivery winning;
/// sole traders have no company name, their first and last names stand for it.
/// </summary>
public static class CompanyNames
{
    public static async Task ApplyAsync(ScoringDbContext db, IReadOnlyList<CompanyRegistration> records, DateTimeOffset now, CancellationToken ct)
    {
        var named = records.Select(r => (r.Siren, Name: NameOf(r))).Where(r => r.Name is not null).GroupBy(r => r.Siren).ToDictionary(g => g.Key, g => g.Last().Name!);
        if (named.Count == 0) return;
        var sirens = named.Keys.ToList();
        var known = await db.CompanyNames.Where(n => sirens.Contains(n.Siren)).ToDictionaryAsync(n => n.Siren, ct);
        foreach (var (siren, name) in named)
        {
            if (known.TryGetValue(siren, out var row)) (row.Name, row.UpdatedAt) = (name, now);
            else db.CompanyNames.Add(new CompanyName { Siren = siren, Name = name, UpdatedAt = now });
        }
    }

    public static string? NameOf(CompanyRegistration r)
    {
        if (!string.IsNullOrWhiteSpace(r.Name)) return Trim(r.Name);
        var person = string.Join(' ', new[] { r.FirstName, r.LastName }.Where(p => !string.IsNullOrWhiteSpace(p))).Trim();
        return person.Length == 0 ? null : Trim(person);
    }

    private static string Trim(string name) => name.Trim() is { Length: > 200 } long_ ? long_[..200] : name.Trim();
}

public sealed class CompanyRegisteredNamesConsumer(ScoringDbContext db, TimeProvider clock) : IdempotentConsumer<CompanyRegistered, ScoringDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<CompanyRegistered> context, CancellationToken ct)
    {
        await CompanyNames.ApplyAsync(Db, context.Message.Records, clock.GetUtcNow(), ct);
        await CompanySearchIndex.ApplyCompaniesAsync(Db, context.Message.Records, clock.GetUtcNow(), ct);
    }
}

public sealed class CompanyChangedNamesConsumer(ScoringDbContext db, TimeProvider clock) : IdempotentConsumer<CompanyChanged, ScoringDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<CompanyChanged> context, CancellationToken ct)
    {
        await CompanyNames.ApplyAsync(Db, context.Message.Records, clock.GetUtcNow(), ct);
        await CompanySearchIndex.ApplyCompaniesAsync(Db, context.Message.Records, clock.GetUtcNow(), ct);
    }
}

public sealed class CompanyRegisteredNamesConsumerDefinition : RetryingConsumerDefinition<CompanyRegisteredNamesConsumer>
{
    public CompanyRegisteredNamesConsumerDefinition() => EndpointName = "scoring-company-registered";
}

public sealed class CompanyChangedNamesConsumerDefinition : RetryingConsumerDefinition<CompanyChangedNamesConsumer>
{
    public CompanyChangedNamesConsumerDefinition() => EndpointName = "scoring-company-changed";
}
