using System.Globalization;
using System.Net;
using System.Text;
using SignauxFaibles.Portal.French;

namespace SignauxFaibles.Portal.Charts;

/// <summary>One line of a chart: a value per month (null = no data that month).</summary>
public sealed record Series(string Name, IReadOnlyList<double?> Values, string Color);

/// <summary>
/// Charts drawn on the server as inline SVG: nothing to download, nothing run in the browser, and
/// each chart carries a text title and summary for screen readers (role="img").
/// </summary>
public static class SvgChart
{
    private const int Width = 640, Height = 220, Left = 70, Right = 16, Top = 16, Bottom = 34;
    private static int _ids;

    public static string Lines(string title, IReadOnlyList<string> months, IReadOnlyList<Series> series, Func<double, string> format)
    {
        var values = series.SelectMany(s => s.Values).OfType<double>().ToList();
        if (months.Count == 0 || values.Count == 0) return $"<p class=\"empty\">{Encode(title)} : aucune donnée.</p>";
        var (min, max) = (Math.Min(0, values.Min()), Math.Max(values.Max(), 0));
        if (max - min < 1e-9) max = min + 1;
        double X(int i) => Left + (months.Count == 1 ? 0 : i * (double)(Width - Left - Right) / (months.Count - 1));
        double Y(double v) => Top + (max - v) * (Height - Top - Bottom) / (max - min);

        var id = Interlocked.Increment(ref _ids);
        var svg = new StringBuilder();
        var summary = string.Join(" ; ", series.Select(s => $"{s.Name} : dernier {Last(s, months, format)}, maximum {format(s.Values.OfType<double>().DefaultIfEmpty(0).Max())}"));
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"c{id}t c{id}d\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"c{id}t\">{Encode(title)}</title><desc id=\"c{id}d\">{Encode(summary)}</desc>");
        // Axes: zero line, the top value, first and last month.
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{P(Y(0))}\" x2=\"{Width - Right}\" y2=\"{P(Y(0))}\" stroke=\"#555\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#555\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{P(Y(max) + 4)}\" text-anchor=\"end\" font-size=\"11\">{Encode(format(max))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{P(Y(min) + 4)}\" text-anchor=\"end\" font-size=\"11\">{Encode(format(min))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 12}\" font-size=\"11\">{Encode(Fr.Month(months[0]))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right}\" y=\"{Height - 12}\" text-anchor=\"end\" font-size=\"11\">{Encode(Fr.Month(months[^1]))}</text>");
        foreach (var s in series)
        {
            // Gaps stay gaps: a missing month breaks the line rather than inventing a value.
            var path = new StringBuilder();
            var pen = false;
            for (var i = 0; i < months.Count && i < s.Values.Count; i++)
            {
                if (s.Values[i] is not { } v) { pen = false; continue; }
                path.Append(pen ? " L" : " M").Append(P(X(i))).Append(',').Append(P(Y(v)));
                pen = true;
            }
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{path.ToString().Trim()}\" fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"2\"><title>{Encode(s.Name)}</title></path>");
        }
        svg.Append("</svg>");
        var legend = string.Concat(series.Select(s => $"<li><svg class=\"swatch\" width=\"14\" height=\"4\" aria-hidden=\"true\"><rect width=\"14\" height=\"4\" fill=\"{s.Color}\"/></svg>{Encode(s.Name)}</li>"));
        return $"<figure class=\"chart\">{svg}<figcaption><ul class=\"legend\">{legend}</ul></figcaption></figure>";
    }

    /// <summary>The explanation: each theme's push toward risk (right, red) or away from it (left, green).</summary>
    public static string Themes(string title, IReadOnlyList<(string Theme, double Contribution)> themes)
    {
        if (themes.Count == 0) return $"<p class=\"empty\">{Encode(title)} : aucune explication.</p>";
        const int rowHeight = 28, labelWidth = 230, barWidth = 380;
        var height = themes.Count * rowHeight + 10;
        var scale = Math.Max(themes.Max(t => Math.Abs(t.Contribution)), 1e-9);
        var middle = labelWidth + barWidth / 2.0;
        var id = Interlocked.Increment(ref _ids);
        var summary = string.Join(" ; ", themes.Select(t => $"{t.Theme} {Direction(t.Contribution)} ({Signed(t.Contribution)})"));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart themes\" viewBox=\"0 0 {labelWidth + barWidth + 60} {height}\" role=\"img\" aria-labelledby=\"c{id}t c{id}d\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"c{id}t\">{Encode(title)}</title><desc id=\"c{id}d\">{Encode(summary)}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{P(middle)}\" y1=\"0\" x2=\"{P(middle)}\" y2=\"{height}\" stroke=\"#555\"/>");
        for (var i = 0; i < themes.Count; i++)
        {
            var (theme, contribution) = themes[i];
            var y = 5 + i * rowHeight;
            var length = Math.Abs(contribution) / scale * (barWidth / 2.0 - 4);
            var x = contribution >= 0 ? middle : middle - length;
            var color = contribution >= 0 ? "#b3261e" : "#1b6e3a";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 17}\" font-size=\"13\">{Encode(theme)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{P(x)}\" y=\"{y + 4}\" width=\"{P(Math.Max(length, 1))}\" height=\"18\" fill=\"{color}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + barWidth + 4}\" y=\"{y + 17}\" font-size=\"12\">{Encode(Signed(contribution))}</text>");
        }
        svg.Append("</svg>");
        return $"<figure class=\"chart\">{svg}<figcaption>À droite en rouge : augmente le risque ; à gauche en vert : le diminue.</figcaption></figure>";
    }

    private static string Direction(double c) => c >= 0 ? "augmente le risque" : "diminue le risque";

    private static string Signed(double c) => (c >= 0 ? "+" : "−") + Fr.Number(Math.Abs(c), 2);

    private static string Last(Series s, IReadOnlyList<string> months, Func<double, string> format)
    {
        for (var i = Math.Min(months.Count, s.Values.Count) - 1; i >= 0; i--)
        {
            if (s.Values[i] is { } v) return $"{format(v)} en {Fr.Month(months[i])}";
        }
        return "aucune valeur";
    }

    private static string P(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
