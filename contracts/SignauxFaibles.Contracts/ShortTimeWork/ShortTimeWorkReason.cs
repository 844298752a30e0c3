using System.Text.Json.Serialization;

namespace SignauxFaibles.Contracts.ShortTimeWork;

/// <summary>Why an employer asks for short-time work (MOTIF_RECOURS_SE; the values are the DGEFP codes).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ShortTimeWorkReason>))]
public enum ShortTimeWorkReason
{
    EconomicConditions = 1,
    SupplyDifficulties = 2,
    DisasterOrExceptionalWeather = 3,
    PremisesRestructuring = 4,
    OtherExceptionalCircumstances = 5,
}
