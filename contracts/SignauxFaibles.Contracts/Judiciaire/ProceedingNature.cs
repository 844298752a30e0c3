using System.Text.Json.Serialization;

namespace SignauxFaibles.Contracts.Judiciaire;

/// <summary>The three kinds of collective proceeding under French insolvency law.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProceedingNature>))]
public enum ProceedingNature
{
    Sauvegarde,
    Redressement,
    Liquidation,
}
