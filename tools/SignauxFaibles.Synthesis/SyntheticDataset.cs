using SignauxFaibles.Synthesis.Dynamics;
using SignauxFaibles.Synthesis.GroundTruth;
using SignauxFaibles.Synthesis.Population;
using SignauxFaibles.Synthesis.Writers;
using SignauxFaibles.Synthesis.Writers.Altares;
using SignauxFaibles.Synthesis.Writers.Dgefp;
using SignauxFaibles.Synthesis.Writers.Finance;
using SignauxFaibles.Synthesis.Writers.Officers;
using SignauxFaibles.Synthesis.Writers.Sirene;
using SignauxFaibles.Synthesis.Writers.Urssaf;

namespace SignauxFaibles.Synthesis;

/// <summary>
/// Generates the dataset: companies one at a time (drawn, simulated, written to every source's
/// files, dropped), in index order — simulated on one thread, written by two lanes that each own
/// their files (see <see cref="WritingLanes"/>) — so the output depends on the options only.
/// </summary>
public static class SyntheticDataset
{
    public const string GeneratorName = "sf synth 2";

    /// <summary>Simulates without writing anything: for tests and calibration, which need the lives, not the files.</summary>
    public static IEnumerable<CompanyLife> Simulate(SynthesisOptions options)
    {
        options.Validate();
        var drawer = new PopulationDrawer(options);
        var simulator = new LifeSimulator(options, new FailureHazard(options, drawer));
        for (long i = 0; i < options.Companies; i++) yield return simulator.Simulate(drawer.Draw(i));
    }

    public static Manifest Generate(SynthesisOptions options, string outputDirectory, Action<long>? progress = null, Action<CompanyLife>? observe = null,
        StageTimings? timings = null)
    {
        Directory.CreateDirectory(outputDirectory);
        long establishments = 0, failures = 0, done = 0;
        List<ManifestFile> files;
        using (var folder = new DeliveryFolder(outputDirectory))
        {
            // Two writing lanes of about equal weight: URSSAF files (and paydex), and the other institutions' files.
            ISourceWriter[] urssaf =
            [
                new CotisationWriter(folder, options), new DebitWriter(folder, options), new DelaiWriter(folder, options),
                new CcsfWriter(folder, options), new ProcolWriter(folder, options), new EffectifWriter(folder, options),
                new EffectifEntrepriseWriter(folder, options), new ComptesWriter(folder, options), new GroundTruthWriter(folder),
                new PaydexWriter(folder, options),
            ];
            ISourceWriter[] others =
            [
                new DemandeWriter(folder, options), new ConsommationWriter(folder, options), new DemandeWorkbookWriter(folder, options),
                new EtablissementStockWriter(folder, options), new UniteLegaleStockWriter(folder, options),
                new BdfWriter(folder, options), new DianeWriter(folder, options), new BodaccWriter(folder, options),
                new RosterWriter(folder),
            ];
            WritingLanes.Run(() => Simulate(options), [urssaf, others], life =>
            {
                establishments += life.Company.Establishments.Count;
                if (life.Failure is not null) failures++;
                observe?.Invoke(life);
                progress?.Invoke(++done);
            }, timings);
            ISourceWriter[] writers = [.. urssaf, .. others];
            foreach (var writer in writers.OfType<IFinishingWriter>()) writer.Finish();
            folder.Dispose();
            files = [.. folder.Written.Select(f => new ManifestFile(f.Path, f.Rows, DeliverySchedule.For(f.Path, options.To).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
                .OrderBy(f => f.Path, StringComparer.Ordinal)];
        }
        var manifest = new Manifest(GeneratorName, options.Seed,
            new ManifestParameters(options.Companies, options.From.ToString(), options.To.ToString(), options.Region, options.YearlyFailureRate,
                options.SuddenFailureShare, options.RecoveryEpisodeRate, options.VoluntaryClosureRate, options.CreatedDuringWindowShare, options.HealthNoise),
            options.Companies, establishments, failures, files);
        manifest.Save(Path.Combine(outputDirectory, "manifest.json"));
        return manifest;
    }
}
