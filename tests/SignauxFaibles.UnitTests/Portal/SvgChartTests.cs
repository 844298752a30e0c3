using System.Xml.Linq;
using SignauxFaibles.Portal.Charts;
using SignauxFaibles.Portal.French;

namespace SignauxFaibles.UnitTests.Portal;

public sealed class SvgChartTests
{
    private static readonly string[] Months = ["2020-01", "2020-02", "2020-03", "2020-04"];

    [Fact]
    public void A_line_chart_is_valid_svg_with_a_text_alternative_and_keeps_gaps()
    {
        var html = SvgChart.Lines("Dette URSSAF par mois (€)", Months,
            [new Series("Part patronale", [100, null, 300, 400], "#0b4f9c")], Fr.Euros);

        var svg = Svg(html);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Dette URSSAF par mois (€)", svg.Elements().First(e => e.Name.LocalName == "title").Value);
        var desc = svg.Elements().First(e => e.Name.LocalName == "desc").Value;
        Assert.Contains("dernier 400\u00a0€ en avr. 2020", desc);
        // The missing February breaks the line: two moves, one segment drawn.
        var path = (string)svg.Elements().Single(e => e.Name.LocalName == "path").Attribute("d")!;
        Assert.Equal(2, path.Count(c => c == 'M'));
        Assert.Equal(1, path.Count(c => c == 'L'));
        // The axis names the top value at the top and zero at the bottom.
        var labels = svg.Elements().Where(e => e.Name.LocalName == "text").ToDictionary(e => e.Value, e => double.Parse((string)e.Attribute("y")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(labels["400\u00a0€"] < labels["0\u00a0€"]);
        Assert.All(labels.Values, y => Assert.InRange(y, 0, 220));
    }

    [Fact]
    public void A_chart_without_values_says_so()
    {
        Assert.Contains("aucune donnée", SvgChart.Lines("Effectif", Months, [new Series("Effectif", [null, null, null, null], "#000")], v => Fr.Number(v)));
    }

    [Fact]
    public void Themes_pushing_the_risk_up_go_right_in_red_and_the_others_left_in_green()
    {
        var svg = Svg(SvgChart.Themes("Contribution des thèmes au risque", [("Dette sociale (URSSAF)", 1.7), ("Profil de l'entreprise", -0.4)]));
        var bars = svg.Elements().Where(e => e.Name.LocalName == "rect").ToList();
        var x = bars.Select(b => double.Parse((string)b.Attribute("x")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(["#b3261e", "#1b6e3a"], bars.Select(b => (string)b.Attribute("fill")!));
        Assert.True(x[1] < x[0]);
        Assert.Contains("Dette sociale (URSSAF) augmente le risque (+1,70)", svg.Elements().First(e => e.Name.LocalName == "desc").Value);
    }

    private static XElement Svg(string html)
    {
        var start = html.IndexOf("<svg", StringComparison.Ordinal);
        var end = html.IndexOf("</svg>", StringComparison.Ordinal) + "</svg>".Length;
        return XElement.Parse(html[start..end]);
    }
}
