using System.Text.Json;
using SignauxFaibles.Contracts.Finance;
using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Contracts.ShortTimeWork;
using SignauxFaibles.Contracts.Urssaf;

namespace SignauxFaibles.Indicators.Facts;

/// <summary>How a fact's record is stored (UTF-8 JSON of the contract record) and read back.</summary>
public static class FactCodec
{
    private static readonly JsonSerializerOptions Json = FactJsonContext.Default.Options;

    public static Type RecordType(FactKind kind) => kind switch
    {
        FactKind.ContributionDebtStep => typeof(ContributionDebtStep),
        FactKind.ContributionDeclaration => typeof(ContributionDeclaration),
        FactKind.PaymentPlan => typeof(PaymentPlan),
        FactKind.CcsfPlanStep => typeof(CcsfPlanStep),
        FactKind.EstablishmentHeadcount => typeof(EstablishmentHeadcount),
        FactKind.CompanyHeadcount => typeof(CompanyHeadcount),
        FactKind.ShortTimeWorkRequest => typeof(ShortTimeWorkRequest),
        FactKind.ShortTimeWorkConsumption => typeof(ShortTimeWorkConsumption),
        FactKind.BanqueDeFranceRatios or FactKind.DianeStatement or FactKind.DgfipStatement => typeof(FinancialStatement),
        FactKind.SupplierPaymentDelay => typeof(SupplierPaymentDelay),
        FactKind.InsolvencyProceeding => typeof(InsolvencyProceeding),
        FactKind.CompanyRegistration => typeof(CompanyRegistration),
        FactKind.EstablishmentRegistration => typeof(EstablishmentRegistration),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown fact kind"),
    };

    public static byte[] Encode(ISourceRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, record.GetType(), Json);

    public static ISourceRecord Decode(FactKind kind, ReadOnlySpan<byte> payload) =>
        (ISourceRecord)(JsonSerializer.Deserialize(payload, RecordType(kind), Json)
            ?? throw new InvalidDataException($"stored fact of kind {kind} is empty"));
}
