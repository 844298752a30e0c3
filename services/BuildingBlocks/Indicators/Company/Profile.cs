using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Indicators.Facts;
using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.Nomenclatures.Naf;

namespace SignauxFaibles.Indicators.Company;

/// <summary>
/// The company as the registry (Sirene) describes it: activity at every NAF level, legal
/// category, place of the head office, age and number of establishments open at each month.
/// Sirene delivers the current state: the activity and the legal category are today's.
/// </summary>
public static class Profile
{
    public static void Compute(MonthFrame frame, CompanyFacts facts)
    {
        var registration = facts.Registration;
        var headOffice = HeadOffice(facts);
        var code = registration?.ActivityNomenclature is null or "NAFRev2" ? registration?.ActivityCode : null;
        code ??= headOffice?.ActivityNomenclature is null or "NAFRev2" ? headOffice?.ActivityCode : null;
        WriteActivity(frame, code);
        frame.Labels["categorie_juridique"] = registration?.LegalCategory;
        frame.Labels["departement"] = headOffice?.Departement;
        frame.Labels["region"] = headOffice?.Region;

        var age = frame.Column("age_entreprise");
        var count = frame.Column("nombre_etablissements");
        for (var i = 0; i < frame.Count; i++)
        {
            var month = frame.MonthAt(i);
            if (registration?.CreatedOn is { } created && month >= YearMonth.Of(created))
            {
                age[i] = Math.Round(month.MonthsSince(YearMonth.Of(created)) / 12.0, 4);
            }
            if (facts.Establishments.Count > 0) count[i] = facts.Establishments.Count(e => IsOpen(e, month));
        }
    }

    public static void WriteActivity(MonthFrame frame, string? code)
    {
        var naf = NafNomenclature.Rev2;
        frame.Labels["code_naf"] = naf.Find(code)?.Code ?? code;
        frame.Labels["naf_section"] = naf.AncestorAt(code, NafLevel.Section)?.Code;
        frame.Labels["naf_division"] = naf.AncestorAt(code, NafLevel.Division)?.Code;
        frame.Labels["naf_groupe"] = naf.AncestorAt(code, NafLevel.Group)?.Code;
        frame.Labels["naf_classe"] = naf.AncestorAt(code, NafLevel.Class)?.Code;
    }

    /// <summary>Open at the month's end: created by then, and still active or closed later.</summary>
    public static bool IsOpen(EstablishmentRegistration e, YearMonth month) =>
        (e.CreatedOn is null || e.CreatedOn <= month.LastDay)
        && (e.Active || e.StateSince is null || e.StateSince > month.LastDay);

    public static EstablishmentRegistration? HeadOffice(CompanyFacts facts)
    {
        var nic = facts.Registration?.HeadOfficeNic;
        return facts.Establishments.FirstOrDefault(e => nic is not null && e.Siret.Nic == nic)
            ?? facts.Establishments.FirstOrDefault(e => e.HeadOffice)
            ?? facts.Establishments.FirstOrDefault();
    }
}
