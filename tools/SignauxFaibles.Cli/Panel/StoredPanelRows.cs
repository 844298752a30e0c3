using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Cli.Panel;

/// <summary>
/// One company's stored series (rows of the feature service's <c>panel_series</c>) turned back into
/// the <see cref="CompanyPanel"/> the calculator produced: its own rows, then each establishment's
/// in SIRET order, months ascending. That is the order <see cref="PanelCalculator"/> gives them, so
/// the offline build's writer writes the dump line for line as it writes a build.
/// </summary>
internal static class StoredPanelRows
{
    /// <param name="series">The company's series by SIRET ("" = the company's own), in any order.</param>
    /// <param name="from">First month kept; null = from the first stored one.</param>
    /// <param name="to">Last month kept; null = to the last stored one.</param>
    public static CompanyPanel ToPanel(Siren siren, IEnumerable<(string Siret, byte[] Months)> series, YearMonth? from = null, YearMonth? to = null)
    {
        List<PanelRow> own = [], establishments = [];
        // Ordinal, as Siret compares: the calculator walks establishments in that order.
        foreach (var (siret, months) in series.OrderBy(s => s.Siret, StringComparer.Ordinal))
        {
            var isCompany = siret.Length == 0;
            Siret? id = isCompany ? null : Siret.Parse(siret);
            var rows = isCompany ? own : establishments;
            // The service stores company rows without the training label (StoredPanelSeries.Decode picks the same schemas).
            foreach (var (index, values, labels) in PanelSeriesCodec.Decode(months, isCompany ? PanelSchema.Company : PanelSchema.Establishment))
            {
                var month = YearMonth.FromIndex(index);
                if (month < from || month > to) continue;
                rows.Add(new PanelRow(siren, id, month, values, labels));
            }
        }
        return new CompanyPanel(siren, own, establishments);
    }
}
