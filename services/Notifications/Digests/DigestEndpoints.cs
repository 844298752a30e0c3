namespace SignauxFaibles.Notifications.Digests;

public static class DigestEndpoints
{
    public static IEndpointRouteBuilder MapDigestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/digests", async (DateOnly? day, DigestWriter writer, TimeProvider clock, CancellationToken ct) =>
            {
                var written = await writer.WriteAsync(day ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
                return Results.Ok(new { written });
            })
            .WithTags("Deliveries")
            .WithSummary("Writes the digests now (normally done daily): one mail per officer with alerts waiting, at most one per day.");
        return app;
    }
}
