using System.Collections.Concurrent;
using System.Reflection;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>Counts records carrying a SIREN or SIRET whose checksum fails (kept, but reported per batch).</summary>
public static class IdentifierChecks
{
    private static readonly ConcurrentDictionary<Type, Func<ISourceRecord, bool>> Checks = new();

    public static bool HasInvalidChecksum(ISourceRecord record) => Checks.GetOrAdd(record.GetType(), Build)(record);

    private static Func<ISourceRecord, bool> Build(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(Siren) || p.PropertyType == typeof(Siren?) || p.PropertyType == typeof(Siret) || p.PropertyType == typeof(Siret?))
            .ToArray();
        return record => properties.Any(p => p.GetValue(record) switch
        {
            Siren s => s.Value is not null && !s.HasValidChecksum,
            Siret s => s.Value is not null && !s.HasValidChecksum,
            _ => false,
        });
    }
}
