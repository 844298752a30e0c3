using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using SignauxFaibles.Cli.Token;
using SignauxFaibles.Ingestion.Dgefp;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Finance;
using SignauxFaibles.Ingestion.Insee;
using SignauxFaibles.Ingestion.Judiciaire;
using SignauxFaibles.Ingestion.Urssaf;
using SignauxFaibles.Synthesis.Writers.Officers;

namespace SignauxFaibles.Cli.Load;

/// <summary>
/// <c>sf load --input DIR</c>: delivers every source file of a folder (e.g. <c>sf synth</c> output)
/// to its ingestion service through the gateway, each with its feed's client (urssaf, bdf, bvd, …), one file at a
/// time and waiting for each batch — what the institutions would push, for a demonstration stack,
/// the live metrics check or screenshots. <c>--until D</c> delivers only the files the folder's
/// manifest.json dates on or before D: the stack then holds what the platform would have known at
/// the end of that day, as <c>sf panel build --as-known D</c> builds it offline. The folder's
/// <c>roster.csv</c> (the officers <c>sf synth</c> writes for its territory) is imported first.
/// </summary>
internal static class LoadCommand
{
    /// <summary>Gateway route of each ingestion service; the company register first, so that places are known early.</summary>
    internal static readonly (string Route, IReadOnlyList<IFileKind> Kinds)[] Services =
    [
        ("insee", InseeFileKinds.All),
        ("judiciaire", JudiciaireFileKinds.All),
        ("finance", FinanceFileKinds.All),
        ("dgefp", DgefpFileKinds.All),
        ("urssaf", UrssafFileKinds.All),
    ];

    public static Command Create()
    {
        var input = new Option<DirectoryInfo>("--input") { Description = "Folder of delivered files (searched recursively).", Required = true };
        var gateway = new Option<string>("--gateway") { Description = "Gateway (routes /urssaf, /dgefp, /finance, /judiciaire, /insee; tokens from its identity service).", DefaultValueFactory = _ => "http://127.0.0.1:5100/" };
        var secret = new Option<string?>("--secret") { Description = $"The institutions' client secret; default ${TokenCommand.SecretVariable}." };
        var until = new Option<string?>("--until")
        {
            Description = "Deliver only the files delivered on or before that day, yyyy-MM-dd, by the folder's manifest.json (sf synth writes one): "
                + "the stack then knows what the platform would have known then (compare with sf panel build --as-known). Default: every file.",
        };
        var command = new Command("load", "Deliver every source file of a folder to its ingestion service through the gateway.") { input, gateway, secret, until };
        command.SetAction((r, ct) => RunAsync(r.GetValue(input)!, new Uri(r.GetValue(gateway)!.TrimEnd('/') + "/"),
            r.GetValue(secret) ?? Environment.GetEnvironmentVariable(TokenCommand.SecretVariable), r.GetValue(until), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo input, Uri gateway, string? secret, string? until, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!input.Exists)
        {
            await error.WriteLineAsync($"sf load: {input.FullName} does not exist.");
            return 2;
        }
        if (string.IsNullOrEmpty(secret))
        {
            await error.WriteLineAsync($"sf load: no client secret: give --secret or set {TokenCommand.SecretVariable}.");
            return 2;
        }
        var plan = Plan(input, out var unknown);
        foreach (var name in unknown.Where(n => n != RosterWriter.FileName)) await error.WriteLineAsync($"skipped {name}: no file kind recognises this name");
        if (until is not null)
        {
            if (!DateOnly.TryParseExact(until, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                await error.WriteLineAsync("sf load: --until is a day written yyyy-MM-dd.");
                return 2;
            }
            if (DeliveredBy(input, plan, day) is not { } delivered)
            {
                await error.WriteLineAsync($"sf load: --until needs the delivery day of every file: {Path.Combine(input.FullName, "manifest.json")} is missing or does not date them all.");
                return 2;
            }
            await output.WriteLineAsync($"sf load: {delivered.Count} of {plan.Count} files delivered on or before {day:yyyy-MM-dd}; the {plan.Count - delivered.Count} later ones are held back");
            plan = delivered;
        }
        if (plan.Count == 0)
        {
            await error.WriteLineAsync($"sf load: no deliverable file in {input.FullName}.");
            return 2;
        }

        using var tokens = new TokenClient(gateway);
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromHours(1) };
        // The officers first (sf synth writes them): the alerts of the deliveries then reach someone.
        if (new FileInfo(Path.Combine(input.FullName, RosterWriter.FileName)) is { Exists: true } roster
            && !await ImportRosterAsync(http, await tokens.ClientCredentialsAsync("sf-ops", secret, scope: null, ct), roster, output, error, ct))
        {
            return 1;
        }
        var failures = 0;
        var clock = Stopwatch.StartNew();
        // Each file with its own institution's client (access.md: each pushes only its own sources).
        var tokenOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in plan.GroupBy(p => p.Route))
        {
            foreach (var (route, kind, file) in group)
            {
                var feed = kind.Feed();
                if (!tokenOf.TryGetValue(feed, out var token)) tokenOf[feed] = token = await tokens.ClientCredentialsAsync(feed, secret, scope: null, ct);
                var (status, answer) = await GatewayUpload.SendAsync(http, route, kind, file, token, ct);
                if (status is HttpStatusCode.Created or HttpStatusCode.OK)
                {
                    await output.WriteLineAsync($"{file.Name} → {route}/{kind.Name}: {Summary(answer)}");
                }
                else
                {
                    failures++;
                    await error.WriteLineAsync($"{file.Name} → {route}/{kind.Name}: HTTP {(int)status} {answer}");
                }
            }
        }
        await output.WriteLineAsync($"{plan.Count - failures} of {plan.Count} files delivered in {clock.Elapsed.TotalSeconds:F1} s");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>The roster through the gateway to Notifications (an operator's import: client sf-ops); false when refused.</summary>
    private static async Task<bool> ImportRosterAsync(HttpClient gateway, string token, FileInfo roster, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var body = roster.OpenRead();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"notifications/api/officers/roster?fileName={Uri.EscapeDataString(roster.Name)}") { Content = new StreamContent(body) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await gateway.SendAsync(request, ct);
        var answer = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            await error.WriteLineAsync($"{roster.Name} → notifications: HTTP {(int)response.StatusCode} {answer}");
            return false;
        }
        using var report = JsonDocument.Parse(answer);
        string Get(string name) => report.RootElement.TryGetProperty(name, out var v) ? v.ToString() : "?";
        await output.WriteLineAsync($"{roster.Name} → notifications: {Get("read")} officers read, {Get("created")} created, {Get("updated")} updated, {Get("unchanged")} unchanged");
        return true;
    }

    /// <summary>The files of the plan the manifest dates on or before <paramref name="day"/>; null when one has no date.</summary>
    private static List<(string Route, IFileKind Kind, FileInfo File)>? DeliveredBy(DirectoryInfo input, List<(string Route, IFileKind Kind, FileInfo File)> plan, DateOnly day)
    {
        var dates = Synthesis.GroundTruth.Manifest.DeliveryDates(input.FullName);
        if (dates is null) return null;
        var kept = new List<(string, IFileKind, FileInfo)>();
        foreach (var item in plan)
        {
            var relative = Path.GetRelativePath(input.FullName, item.File.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (!dates.TryGetValue(relative, out var delivered)) return null;
            if (delivered <= day) kept.Add(item);
        }
        return kept;
    }

    internal static List<(string Route, IFileKind Kind, FileInfo File)> Plan(DirectoryInfo input, out List<string> unknown)
    {
        var files = input.GetFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal).ToList();
        var plan = new List<(string, IFileKind, FileInfo)>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (route, kinds) in Services)
        {
            var catalog = new FileKindCatalog(kinds);
            foreach (var file in files)
            {
                if (catalog.Recognise(file.Name) is { } kind && placed.Add(file.FullName)) plan.Add((route, kind, file));
            }
        }
        unknown = files.Where(f => !placed.Contains(f.FullName)).Select(f => f.Name).ToList();
        return plan;
    }

    /// <summary>The batch's counts from the service's answer, or the answer itself when it is not the usual shape.</summary>
    private static string Summary(string answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            var root = json.RootElement;
            string Get(string name) => root.TryGetProperty(name, out var v) ? v.ToString() : "?";
            var again = root.TryGetProperty("duplicate", out var d) && d.ValueKind == JsonValueKind.True ? " (delivered before: same batch)" : "";
            return $"batch {Get("id")} {Get("status")}, {Get("recordsAccepted")} records, {Get("linesRejected")} lines rejected, {Get("linesWithWarnings")} with warnings{again}";
        }
        catch (JsonException)
        {
            return answer;
        }
    }
}
