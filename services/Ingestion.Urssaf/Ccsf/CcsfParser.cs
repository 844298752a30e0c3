using System.Globalization;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf.Conventions;

namespace SignauxFaibles.Ingestion.Urssaf.Ccsf;

/// <summary>
/// The CCSF file: one step of a plan granted by the tax and social creditors' committee
/// (<see cref="CcsfPlanStep"/>). Dates are URSSAF (A)AAMMJJ. Older deliveries have no Siret column.
/// </summary>
public sealed class CcsfParser : UrssafParser
{
    private static readonly string StageReason = $"not a CCSF stage ({string.Join(", ", CcsfLayout.Stages)})";

    protected override IReadOnlyList<string> RequiredColumns => CcsfLayout.Required;

    protected override IReadOnlyList<string> ExpectedColumns => CcsfLayout.Current;


    protected override ParsedLine ParseFields(string[] fields, ColumnMap columns, string fileName, long line)
    {
        var cursor = new FieldCursor(fields, columns, fileName, line);
        var account = cursor.Required(CcsfLayout.Account);
        var siret = cursor.OptionalValue(CcsfLayout.Siret, UrssafFields.Siret, "not a SIRET (14 digits)");
        var processedOn = cursor.Parse(CcsfLayout.ProcessedOn, UrssafFields.Date, "not an URSSAF date (AAMMJJ)");
        // The stage drives the plan's state downstream, so an unknown code is rejected rather than
        // guessed at; case is not significant, the record carries the documented spelling.
        var stage = cursor.ParseObject(CcsfLayout.Stage, Stage, StageReason);
        var action = cursor.Optional(CcsfLayout.Action);
        if (cursor.Reject is { } reject) return ParsedLine.Rejected(reject);

        // A step is the account, the day, the stage and the action: the same account may pass
        // several stages on one day, and re-delivering a step must yield the same key.
        var key = $"ccsf:{account}:{processedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}:{stage}:{action}";
        return ParsedLine.Accepted(line, new CcsfPlanStep(key, siret, account!, processedOn, stage!, action));
    }

    private static string? Stage(string value) =>
        Array.Find(CcsfLayout.Stages, s => string.Equals(s, value, StringComparison.OrdinalIgnoreCase));
}
