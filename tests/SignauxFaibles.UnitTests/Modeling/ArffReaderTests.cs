using SignauxFaibles.Modeling.Data;

namespace SignauxFaibles.UnitTests.Modeling;

public sealed class ArffReaderTests
{
    private const string Header = "@relation 'test'\n\n@attribute Attr1 numeric\n@attribute Attr2 numeric\n@attribute class {0,1}\n\n@data\n";

    private static FeatureTable Read(string text) => ArffReader.Read(new StringReader(text), "test.arff");

    [Fact]
    public void Reads_numbers_missing_values_and_labels()
    {
        var table = Read(Header + "0.5,-1.25e2,0\r\n?,3,1\r\n");
        Assert.Equal(["Attr1", "Attr2"], table.FeatureNames);
        Assert.Equal([0.5f, -125f], table.Rows[0]);
        Assert.True(float.IsNaN(table.Rows[1][0]));
        Assert.Equal(3f, table.Rows[1][1]);
        Assert.Equal([false, true], table.Labels);
    }

    [Theory]
    [InlineData("0.5,abc,0", 9, 2, "abc", "not a finite number")]
    [InlineData("0.5,1", 9, 3, "0.5,1", "2 values where the header declares 3")]
    [InlineData("0.5,1,2", 9, 3, "2", "the class must be 0 or 1")]
    [InlineData("0.5,1,0,7", 9, 4, "0.5,1,0,7", "4 values where the header declares 3")]
    [InlineData("1e40,1,0", 9, 1, "1e40", "not a finite number")]
    public void A_malformed_line_is_reported_with_line_column_and_reason(string line, int lineNumber, int column, string raw, string reason)
    {
        var error = Assert.Throws<TrainingFileException>(() => Read(Header + "1,2,0\n" + line + "\n"));
        Assert.Equal("test.arff", error.File);
        Assert.Equal(lineNumber, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Equal(raw, error.RawValue);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_data_section_is_refused()
    {
        var error = Assert.Throws<TrainingFileException>(() => Read("@relation x\n@attribute a numeric\n"));
        Assert.Contains("no @data section", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nominal_feature_is_refused_at_the_header()
    {
        var error = Assert.Throws<TrainingFileException>(() => Read("@attribute a {x,y}\n@attribute class {0,1}\n@data\nx,1\n"));
        Assert.Equal(1, error.Column);
        Assert.Contains("only numeric features", error.Reason, StringComparison.Ordinal);
    }
}
