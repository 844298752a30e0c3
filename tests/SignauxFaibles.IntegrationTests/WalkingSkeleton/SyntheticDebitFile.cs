using System.Globalization;
using System.Text;

namespace SignauxFaibles.IntegrationTests.WalkingSkeleton;

/// <summary>
/// A débit file of many companies, debt lines and history steps, in shuffled order, with the
/// final outstanding debt of each company computed independently of the Features code.
/// </summary>
internal sealed class SyntheticDebitFile
{
    private const string Header = "Urssaf_gestion;Dep;num_cpte;Siren;Siret;Dt_immat;Etat_cpte;Cd_pro_col;Periode;Num_Ecn;Num_Hist_Ecn;Dt_trt_ecn;Mt_PO;Mt_PP;Cd_op_ecn;Motif_ecn;Recours_en_cours";

    public required string Content { get; init; }
    public required long Lines { get; init; }

    /// <summary>Per SIREN: (employee, employer) debt once every step counts = sum of each line's last step.</summary>
    public required Dictionary<string, (decimal Employee, decimal Employer)> FinalDebt { get; init; }

    public static SyntheticDebitFile Generate(int companies, int seed)
    {
        var random = new Random(seed);
        var rows = new List<string>();
        var final = new Dictionary<string, (decimal, decimal)>();
        for (var c = 0; c < companies; c++)
        {
            var siren = (100_000_000 + c * 7_919).ToString(CultureInfo.InvariantCulture);
            var account = "11" + siren + "0000000";
            decimal employeeTotal = 0, employerTotal = 0;
            for (var line = 1; line <= random.Next(1, 4); line++)
            {
                var period = $"20{random.Next(19, 21)}{random.Next(1, 5)}{random.Next(1, 4)}";
                var date = new DateOnly(2019, 1, 1).AddDays(random.Next(0, 400));
                long employee = random.Next(1_000, 5_000_000), employer = random.Next(1_000, 9_000_000);
                var steps = random.Next(1, 5);
                for (var history = 1; history <= steps; history++)
                {
                    var urssafDate = (int.Parse(date.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) - 19_000_000).ToString(CultureInfo.InvariantCulture);
                    rows.Add(string.Join(';', "116", "75", account, siren, siren + "00017", "20100101", "1", "0", period,
                        line.ToString(CultureInfo.InvariantCulture), history.ToString(CultureInfo.InvariantCulture), urssafDate,
                        employee.ToString(CultureInfo.InvariantCulture), employer.ToString(CultureInfo.InvariantCulture), "1", "2", "0"));
                    if (history == steps)
                    {
                        employeeTotal += employee / 100m;
                        employerTotal += employer / 100m;
                    }
                    // Later steps: processed later, debt partly paid.
                    date = date.AddDays(random.Next(1, 90));
                    employee = employee * random.Next(0, 100) / 100;
                    employer = employer * random.Next(0, 100) / 100;
                }
            }
            final[siren] = (employeeTotal, employerTotal);
        }
        var shuffled = rows.OrderBy(_ => random.Next()).ToList();
        var text = new StringBuilder(Header).Append('\n');
        foreach (var row in shuffled) text.Append(row).Append('\n');
        return new SyntheticDebitFile { Content = text.ToString(), Lines = rows.Count, FinalDebt = final };
    }
}
