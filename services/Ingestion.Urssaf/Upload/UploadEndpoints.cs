using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using SignauxFaibles.Ingestion.Urssaf.Batches;

namespace SignauxFaibles.Ingestion.Urssaf.Upload;

public static class UploadEndpoints
{
    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder app)
    {
        // The body is the file exactly as delivered (plain or gzip), streamed to the raw store.
        app.MapPost("/api/files/debit", async (
                HttpContext http, string? fileName, RawFileStore store, DebitFileIngestor ingestor,
                IOptions<IngestionOptions> options, CancellationToken ct) =>
            {
                var limit = options.Value.MaxUploadBytes;
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
                StoredFile stored;
                try
                {
                    stored = await store.SaveAsync(http.Request.Body, limit, ct);
                }
                catch (FileTooLargeException ex)
                {
                    return Results.Problem(ex.Message, statusCode: StatusCodes.Status413PayloadTooLarge);
                }
                var (batch, duplicate) = await ingestor.IngestAsync(stored, fileName ?? "debit.csv", ct);
                var response = BatchResponse.From(batch, duplicate);
                if (duplicate) return Results.Ok(response);
                return batch.Status == BatchStatus.Failed
                    ? Results.UnprocessableEntity(response)
                    : Results.Created($"/api/batches/{batch.Id}", response);
            })
            .WithTags("Upload")
            .WithSummary("Deliver an URSSAF débit file (body = the file, as delivered).")
            // Any content type: institutions' tools label the same CSV in many ways; the content decides.
            .WithDescription("The request body is the file exactly as delivered (plain or gzip), whatever its Content-Type.")
            .Produces<BatchResponse>(StatusCodes.Status201Created)
            .Produces<BatchResponse>(StatusCodes.Status200OK)
            .Produces<BatchResponse>(StatusCodes.Status422UnprocessableEntity);
        return app;
    }
}
