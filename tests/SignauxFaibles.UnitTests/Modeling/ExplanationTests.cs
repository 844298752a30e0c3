using Microsoft.ML;
using Microsoft.ML.Data;
using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Explanations;
using SignauxFaibles.Modeling.Scoring;
using SignauxFaibles.Modeling.Training;

namespace SignauxFaibles.UnitTests.Modeling;

/// <summary>Path attributions of a saved LightGBM model: they add up to the margin the prediction engine gives.</summary>
public sealed class ExplanationTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"sf-explain-test-{Guid.NewGuid():N}");

    public ExplanationTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Three features, one often missing (so that LightGBM learns a side for missing values), risk driven by the first two.</summary>
    private static FeatureTable Table(int rows)
    {
        var random = new Random(11);
        var data = new List<float[]>();
        var labels = new List<bool>();
        for (var i = 0; i < rows; i++)
        {
            var debt = random.NextDouble() < 0.3 ? float.NaN : (float)(random.NextDouble() * 3);
            var headcount = (float)random.Next(1, 200);
            var noise = (float)random.NextDouble();
            var z = (float.IsNaN(debt) ? 0.5 : debt) * 1.5 - Math.Log(headcount) * 0.4 - 1;
            data.Add([debt, headcount, noise]);
            labels.Add(random.NextDouble() < 1 / (1 + Math.Exp(-z)));
        }
        return new FeatureTable(["ratio_dette", "effectif", "bruit"], data, labels);
    }

    private ScoringModel TrainAndLoad(int combinedFeatures, bool withReference, int leaves = 8) =>
        ScoringModel.Load(Train(combinedFeatures, withReference, leaves));

    private string Train(int combinedFeatures, bool withReference, int leaves)
    {
        var table = Table(3000);
        var options = new NestedTrainingOptions
        {
            Candidates = [new LightGbmSettings { Trees = 60, LearningRate = 0.1, Leaves = leaves, MinExamplesPerLeaf = leaves > 64 ? 2 : 20 }],
            CombinedFeatures = combinedFeatures,
            FinalSeeds = 2,
        };
        var trained = new NestedTraining(options, seed: 5).Fit(table);
        var directory = Path.Combine(_directory, $"m{combinedFeatures}{withReference}{leaves}");
        ScoringModel.Save(trained, table.FeatureNames, directory, "LightGBM", new Dictionary<string, double>(), withReference ? table.Rows : null);
        return directory;
    }

    /// <summary>Whether the leaves of a saved model's first member are found with bit masks (else each tree is walked).</summary>
    private static bool FoundByMasks(string directory)
    {
        var member = new MLContext().Model.Load(Path.Combine(directory, "member-0.zip"), out _);
        var trees = MemberExplainer.Trees(member is TransformerChain<ITransformer> chain ? chain.LastTransformer : member)!.TrainedTreeEnsemble.Trees;
        var width = trees.SelectMany(t => t.NumericalSplitFeatureIndexes.ToArray()).Max() + 1;
        return LeafFinder.TryCreate(trees, width) is not null;
    }

    [Theory]
    [InlineData(0, 8)]
    [InlineData(2, 8)]
    [InlineData(0, 200)]
    public void Contributions_and_baseline_add_up_to_the_margin_of_the_prediction_engine(int combinedFeatures, int leaves)
    {
        var directory = Train(combinedFeatures, withReference: true, leaves);
        // Up to 64 leaves a tree, the leaves are found with bit masks; beyond, each tree is walked.
        Assert.Equal(leaves <= 64, FoundByMasks(directory));
        var model = ScoringModel.Load(directory);
        Assert.NotNull(model.Explainer);
        // Scoring rows also miss the features training never saw missing (ML.NET reads those as 0).
        var random = new Random(3);
        var rows = Table(300).Rows.Select(r => r.Select(v => random.NextDouble() < 0.2 ? float.NaN : v).ToArray()).ToArray();
        var batch = model.Explainer.Explain(rows);
        for (var i = 0; i < rows.Length; i++)
        {
            var margin = model.Score(rows[i]).Margin;
            var single = model.Explainer.Explain(rows[i]);
            // Absolute tolerances: rounding both sides to 4 places failed on a 1e-8 difference across a rounding boundary.
            Assert.Equal(margin, single.Margin, 1e-6);
            Assert.Equal(margin, single.Baseline + single.Contributions.Sum() + single.MissingValues, 1e-6);
            Assert.Equal(single.Contributions, batch[i].Contributions);
        }
        // The noise feature barely matters next to the debt ratio.
        var debtWeight = rows.Select(r => Math.Abs(model.Explainer.Explain(r).Contributions[0])).Average();
        var noiseWeight = rows.Select(r => Math.Abs(model.Explainer.Explain(r).Contributions[2])).Average();
        Assert.True(debtWeight > 3 * noiseWeight, $"debt {debtWeight:F3}, noise {noiseWeight:F3}");
    }

    [Fact]
    public void A_model_saved_without_reference_rows_has_no_explainer()
    {
        Assert.Null(TrainAndLoad(0, withReference: false).Explainer);
    }
}
