using System.Globalization;
using System.Text;

namespace SignauxFaibles.Cli.Bench;

/// <summary>A débit file of the current layout with <c>rows</c> plausible lines, for benchmarks.</summary>
internal static class SyntheticDebitFile
{
    public const string Header = "Urssaf_gestion;Dep;num_cpte;Siren;Siret;Dt_immat;Etat_cpte;Cd_pro_col;Periode;Num_Ecn;Num_Hist_Ecn;Dt_trt_ecn;Mt_PO;Mt_PP;Cd_op_ecn;Motif_ecn;Recours_en_cours";

    public static async Task WriteAsync(string path, int rows, int seed = 42)
    {
        var random = new Random(seed);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        await writer.WriteAsync(Header + "\n");
        var line = new StringBuilder(200);
        for (var i = 0; i < rows; i++)
        {
            var company = 100_000_000 + i / 8 * 7;
            var siren = company.ToString(CultureInfo.InvariantCulture);
            line.Clear()
                .Append(random.Next(100, 999)).Append(';').Append(random.Next(1, 96)).Append(';')
                .Append("11").Append(siren).Append("0000000").Append(';')
                .Append(siren).Append(';').Append(siren).Append("00017").Append(';')
                .Append("20100101;1;0;")
                .Append(2015 + random.Next(0, 8)).Append(random.Next(1, 5)).Append(random.Next(1, 4)).Append(';')
                .Append(i % 8 / 4 + 1).Append(';').Append(i % 4 + 1).Append(';')
                .Append(1_000_000 + random.Next(15, 23) * 10_000 + random.Next(1, 13) * 100 + random.Next(1, 29)).Append(';')
                .Append(random.Next(0, 5_000_000)).Append(';').Append(random.Next(0, 9_000_000)).Append(';')
                .Append("1;2;0\n");
            await writer.WriteAsync(line);
        }
    }
}
