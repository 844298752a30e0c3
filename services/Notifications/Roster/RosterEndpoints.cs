using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Notifications.Roster;

public static class RosterEndpoints
{
    private const long MaxRosterBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapRosterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/officers/roster", async (HttpContext http, string? fileName, bool? complete, RosterImporter importer, CancellationToken ct) =>
            {
                var name = string.IsNullOrWhiteSpace(fileName) ? "roster" : Path.GetFileName(fileName);
                // DeliveredFile needs to seek (zip directory, encoding sample): rosters are small, memory is fine.
                using var buffer = new MemoryStream();
                await http.Request.Body.CopyToAsync(buffer, ct);
                if (buffer.Length > MaxRosterBytes) return Results.Problem($"A roster is at most {MaxRosterBytes / 1024 / 1024} MB.", statusCode: 413);
                buffer.Position = 0;
                try
                {
                    var report = await importer.ImportAsync(buffer, name, complete ?? false, ct);
                    return Results.Ok(report);
                }
                catch (FileRefusedException ex)
                {
                    return Results.Problem(ex.Message, statusCode: 422, title: "Roster refused");
                }
            })
            .WithTags("Officers")
            .WithSummary("Imports the partners' roster (xlsx or CSV body, ?fileName=, ?complete=true to deactivate absentees); answers the line-level report.");
        return app;
    }
}
