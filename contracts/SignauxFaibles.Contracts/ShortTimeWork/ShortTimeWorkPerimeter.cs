using System.Text.Json.Serialization;

namespace SignauxFaibles.Contracts.ShortTimeWork;

/// <summary>What short-time work covers (PERIMETRE_AP; the values are the DGEFP codes).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ShortTimeWorkPerimeter>))]
public enum ShortTimeWorkPerimeter
{
    HoursCutWholeEstablishment = 1,
    HoursCutPartOfEstablishment = 2,
    TemporaryClosureWholeEstablishment = 3,
    TemporaryClosurePartOfEstablishment = 4,
}
