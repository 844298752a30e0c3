using System.Text.Json.Serialization;

namespace SignauxFaibles.Contracts.Provenance;

/// <summary>The institution or provider a fact comes from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DataSource>))]
public enum DataSource
{
    Urssaf,
    Dgefp,
    Insee,
    BanqueDeFrance,
    Diane,
    Dgfip,
    Altares,
    Ellisphere,
}
