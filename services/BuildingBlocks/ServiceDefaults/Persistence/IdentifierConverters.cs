using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.ServiceDefaults.Persistence;

/// <summary>Stores identifiers as their digits and months as the first day of the month.</summary>
public static class IdentifierConverters
{
    public static ModelConfigurationBuilder AddIdentifierConversions(this ModelConfigurationBuilder builder)
    {
        builder.Properties<Siren>().HaveConversion<SirenConverter>().HaveMaxLength(9);
        builder.Properties<Siret>().HaveConversion<SiretConverter>().HaveMaxLength(14);
        builder.Properties<YearMonth>().HaveConversion<YearMonthConverter>();
        return builder;
    }

    public sealed class SirenConverter() : ValueConverter<Siren, string>(v => v.Value, v => Siren.Parse(v));

    public sealed class SiretConverter() : ValueConverter<Siret, string>(v => v.Value, v => Siret.Parse(v));

    public sealed class YearMonthConverter() : ValueConverter<YearMonth, DateOnly>(v => v.FirstDay, v => YearMonth.Of(v));
}
