using System.Text.Json.Serialization;

namespace SignauxFaibles.Contracts.ShortTimeWork;

/// <summary>Short-time work in the 36 months before the request (RECOURS_ANTERIEUR; the values are the DGEFP codes).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ShortTimeWorkPriorUse>))]
public enum ShortTimeWorkPriorUse
{
    NoneInThreeYears = 1,
    UsedInThreeYears = 2,
    NotStated = 3,
}
