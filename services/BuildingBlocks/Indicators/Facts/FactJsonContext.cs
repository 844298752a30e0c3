using System.Text.Json;
using System.Text.Json.Serialization;
using SignauxFaibles.Contracts.Finance;
using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Contracts.ShortTimeWork;
using SignauxFaibles.Contracts.Urssaf;

namespace SignauxFaibles.Indicators.Facts;

/// <summary>Compile-time JSON (de)serialisers of the stored fact records: millions are stored and read back per delivery.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ContributionDebtStep))]
[JsonSerializable(typeof(ContributionDeclaration))]
[JsonSerializable(typeof(PaymentPlan))]
[JsonSerializable(typeof(CcsfPlanStep))]
[JsonSerializable(typeof(EstablishmentHeadcount))]
[JsonSerializable(typeof(CompanyHeadcount))]
[JsonSerializable(typeof(ShortTimeWorkRequest))]
[JsonSerializable(typeof(ShortTimeWorkConsumption))]
[JsonSerializable(typeof(FinancialStatement))]
[JsonSerializable(typeof(SupplierPaymentDelay))]
[JsonSerializable(typeof(InsolvencyProceeding))]
[JsonSerializable(typeof(CompanyRegistration))]
[JsonSerializable(typeof(EstablishmentRegistration))]
internal sealed partial class FactJsonContext : JsonSerializerContext;
