using System.Diagnostics;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Indicators.Facts;
using SignauxFaibles.Indicators.Output;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Cli.Panel;

/// <summary>What one offline build read and wrote.</summary>
internal sealed record PanelBuildResult(
    int Files, long Records, long Rejects, long Unresolved, long Facts, long Companies,
    long CompanyRows, long EstablishmentRows, TimeSpan ReadTime, TimeSpan ComputeAndWriteTime, YearMonth To, long NotYetKnown = 0);

/// <summary>
/// The offline build: parse a folder of source files, spill the facts by SIREN range, then compute
/// each company's panel with the same <see cref="PanelCalculator"/> as the feature service. The
/// settings' last month is a bound: the panel ends at the latest month whose contributions the
/// files hold when that is earlier (<see cref="ScorableMonth"/>), as the live panel does.
/// </summary>
internal static class OfflinePanelBuilder
{
    /// <summary>About this much input per spill range keeps one range's facts well inside memory.</summary>
    private const long InputBytesPerPartition = 256L << 20;

    /// <param name="asKnown">
    /// Build the panel as the platform knew it at the end of that day: facts not yet known then
    /// (<see cref="KnowledgeDates"/>) are left out, so the last month and every value are those the
    /// service had; null = every fact in the files.
    /// </param>
    /// <param name="vintage">
    /// Training rows as the service saw them: each month's row from the facts known on the day that
    /// month became scorable (<see cref="VintagePanelCalculator"/>), every fact dated by its source's
    /// documented delay — the synthetic manifest dates yearly archives, not the cadence at which the
    /// service receives a source.
    /// </param>
    /// <param name="asOf">
    /// The panel's last month as a platform holding other files too has it (its own contributions
    /// run later): the files' companies as that platform computes them; null = the files' own.
    /// </param>
    public static async Task<PanelBuildResult> BuildAsync(DirectoryInfo input, string output, PanelSettings settings, TextWriter log, CancellationToken ct,
        DateOnly? asKnown = null, bool vintage = false, YearMonth? asOf = null)
    {
        var inputBytes = input.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        using var spill = new FactSpill((int)Math.Clamp(inputBytes / InputBytesPerPartition + 1, 1, 256));
        var reader = new SourceDirectoryReader(ParseCommand.Catalog, log);
        var clock = Stopwatch.StartNew();
        long notYetKnown = 0;
        await reader.ReadAsync(input, fact =>
        {
            if (asKnown is not { } day || KnowledgeDates.KnownBy(fact, day)) spill.Add(fact);
            else notYetKnown++;
        }, ct, vintage ? null : Synthesis.GroundTruth.Manifest.DeliveryDates(input.FullName));
        spill.Complete();
        var readTime = clock.Elapsed;
        settings = settings with { To = asOf ?? ScorableMonth.Resolve(settings.From, settings.To, spill.ContributionsThrough) };

        clock.Restart();
        var calculator = new PanelCalculator(settings);
        var vintages = new VintagePanelCalculator(settings);
        long companies = 0;
        await using (var files = await PanelFiles.CreateAsync(output, calculator.CompanySchema, ct))
        {
            for (var p = 0; p < spill.Partitions; p++)
            {
                // Decoding and computing on every core, writing in SIREN order on this thread.
                var panels = spill.Read(p).AsParallel().AsOrdered().WithCancellation(ct)
                    .Select(c => vintage ? vintages.Compute(c.SirenOf(), c.DecodeFacts()) : calculator.Compute(c.Decode()));
                foreach (var panel in panels)
                {
                    await files.WriteAsync(panel, ct);
                    companies++;
                }
            }
            return new PanelBuildResult(reader.Files, reader.Records, reader.Rejects, reader.Unresolved, spill.Facts, companies,
                files.CompanyRows, files.EstablishmentRows, readTime, clock.Elapsed, settings.To, notYetKnown);
        }
    }
}
