using System.Globalization;
using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf.Conventions;

namespace SignauxFaibles.Ingestion.Urssaf.Procol;

/// <summary>
/// The procol file: one event of a collective proceeding (<see cref="InsolvencyProceeding"/>).
/// <c>Dt_effet</c> is ddMMMyyyy with English month abbreviations (24FEB2014); <c>Lib_actx_stdx</c>
/// joins the stage and the nature with '_' (Solde_procedure_redressement).
/// </summary>
public sealed class ProcolParser : UrssafParser
{
    protected override IReadOnlyList<string> RequiredColumns => ProcolLayout.Required;

    protected override IReadOnlyList<string> ExpectedColumns => ProcolLayout.Current;


    protected override ParsedLine ParseFields(string[] fields, ColumnMap columns, string fileName, long line)
    {
        var cursor = new FieldCursor(fields, columns, fileName, line);
        var siren = cursor.Parse(ProcolLayout.Siren, UrssafFields.Siren, "not a SIREN (9 digits)");
        var siret = cursor.OptionalValue(ProcolLayout.Siret, UrssafFields.Siret, "not a SIRET (14 digits)");
        if (siret is { } s && cursor.Reject is null && s.Siren != siren)
            cursor.Fail(ProcolLayout.Siret, s.Value, $"SIRET does not belong to SIREN {siren.Value}");
        var effectiveOn = cursor.Parse(ProcolLayout.EffectiveOn, Date, "not a date like 24FEB2014 (ddMMMyyyy)");
        var raw = cursor.Optional(ProcolLayout.StageAndNature) ?? string.Empty;
        var (stage, nature) = StageAndNature(raw);
        if (nature is null)
            cursor.Fail(ProcolLayout.StageAndNature, raw, "no proceeding nature (sauvegarde, redressement or liquidation) in stage_nature");
        else if (stage.Length == 0)
            cursor.Fail(ProcolLayout.StageAndNature, raw, "no stage before or after the nature in stage_nature");
        var eventCode = cursor.Optional(ProcolLayout.EventCode);
        if (cursor.Reject is { } reject) return ParsedLine.Rejected(reject);

        // An event is the establishment (the company when no SIRET), the day, the category and the
        // stage of a nature: several establishments of one company may carry the same event, and
        // a company may pass several stages on one day. Re-delivering a line yields the same key.
        var key = $"procol:{siren.Value}:{siret?.Value}:{effectiveOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}:{eventCode}:{nature}:{stage}";
        return ParsedLine.Accepted(line, new InsolvencyProceeding(key, siren, siret, effectiveOn, nature!.Value, stage, eventCode));
    }

    private static DateOnly? Date(string value) =>
        DateOnly.TryParseExact(value, "ddMMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>
    /// As the reference does: lower-case, split on '_', the first word naming a nature is the
    /// nature and the remaining words, re-joined, the stage (so the stage is lower-case).
    /// </summary>
    private static (string Stage, ProceedingNature? Nature) StageAndNature(string value)
    {
        var words = value.ToLowerInvariant().Split('_');
        for (var i = 0; i < words.Length; i++)
        {
            ProceedingNature? nature = words[i] switch
            {
                "sauvegarde" => ProceedingNature.Sauvegarde,
                "redressement" => ProceedingNature.Redressement,
                "liquidation" => ProceedingNature.Liquidation,
                _ => null,
            };
            if (nature is null) continue;
            return (string.Join('_', words.Where((_, j) => j != i)), nature);
        }
        return (string.Empty, null);
    }
}
