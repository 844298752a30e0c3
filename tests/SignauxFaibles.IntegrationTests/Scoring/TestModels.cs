using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Scoring;
using SignauxFaibles.Modeling.Training;
using SignauxFaibles.Scoring.Registry;

namespace SignauxFaibles.IntegrationTests.Scoring;

/// <summary>
/// Small LightGBM models trained on constructed rows where URSSAF debt (in months of
/// contributions) drives the risk: a company owing three months is red for any of them, one
/// owing nothing is not on a list. Packed as the registry stores them.
/// </summary>
public static class TestModels
{
    public static readonly string[] Features = ["ratio_dette", "effectif_ent", "paydex_nb_jours", "ca"];

    public static byte[] Train(int seed) => Train(seed, Features);

    /// <summary>The same model with its four features named otherwise (e.g. one the live panel lacks).</summary>
    public static byte[] Train(int seed, string[] features, ModelProvenance? provenance = null, string? report = null)
    {
        var random = new Random(seed);
        var rows = new List<float[]>();
        var labels = new List<bool>();
        for (var i = 0; i < 4000; i++)
        {
            var debt = (float)(random.NextDouble() < 0.8 ? random.NextDouble() * 0.5 : random.NextDouble() * 4);
            var paydex = random.NextDouble() < 0.3 ? float.NaN : (float)(random.NextDouble() * 60);
            var headcount = (float)random.Next(1, 300);
            var turnover = (float)(random.NextDouble() * 5e6);
            var risk = debt > 1.5 ? 0.85 : debt > 0.8 ? 0.3 : 0.02;
            rows.Add([debt, headcount, paydex, turnover]);
            labels.Add(random.NextDouble() < risk);
        }
        var table = new FeatureTable(features, rows, labels);
        var options = new NestedTrainingOptions
        {
            Candidates = [new LightGbmSettings { Trees = 30 + seed % 7, LearningRate = 0.1, Leaves = 8, MinExamplesPerLeaf = 20 }],
            CombinedFeatures = 0,
            FinalSeeds = 2,
        };
        var trained = new NestedTraining(options, seed).Fit(table);
        var directory = Path.Combine(Path.GetTempPath(), $"sf-test-model-{Guid.NewGuid():N}");
        try
        {
            ScoringModel.Save(trained, features, directory, $"test model {seed}", new Dictionary<string, double> { ["rocAuc"] = 0.9 }, rows, ("2020-01", "2022-12"), provenance);
            if (report is not null) File.WriteAllText(Path.Combine(directory, "report.md"), report);
            return ModelArtifact.Pack(directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A valid SIREN from an 8-digit number (Luhn check digit appended).</summary>
    public static Siren Siren(int number)
    {
        var digits = number.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        for (var check = 0; check < 10; check++)
            if (SignauxFaibles.Contracts.Identifiers.Siren.TryParse(digits + check, out var siren)) return siren;
        throw new InvalidOperationException("no check digit");
    }
}
