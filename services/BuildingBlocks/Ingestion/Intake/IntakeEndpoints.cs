using System.Collections;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Ingestion.Intake;

public static class IntakeEndpoints
{
    /// <summary>Upload of files as delivered, push of records, the kinds accepted, and the batch ledger.</summary>
    public static IEndpointRouteBuilder MapIngestionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/file-kinds", (FileKindCatalog catalog) =>
                catalog.All.Select(k => new { name = k.Name, source = k.Source.ToString(), record = k.RecordType.Name }))
            .WithTags("Upload")
            .WithSummary("The kinds of file this service accepts.")
            .RequireAuthorization(SfPolicies.IngestOrOps);

        app.MapPost("/api/files", (HttpContext http, string? kind, string? fileName, bool? wait, FileKindCatalog catalog,
                    RawFileStore store, IBatchIngestor ingestor, BatchQueue queue, IOptions<IngestionOptions> options, FeedAccess feeds, IAuditLog audit, ArchiveUpload archives, CancellationToken ct) =>
                UploadAsync(http, kind, fileName, wait ?? false, catalog, store, ingestor, queue, options.Value, feeds, audit, archives, ct))
            .WithTags("Upload")
            .WithSummary("Deliver a file as it is (plain, gzip or zip; any encoding; or an xlsx workbook). The kind is given or recognised from the file name. A zip of several files: each its own batch.")
            .WithDescription("The request body is the file itself, whatever its Content-Type. 202: accepted, parsed in the background (follow the Location; counters move while it runs); "
                + "with wait=true the answer waits for the outcome: 201 completed, 422 refused as a whole. 200: same content delivered before (the original batch, nothing published). "
                + "A zip holding several files answers an ArchiveResponse: one batch per file (kind given, else recognised from each file's name), the files refused with their reason; with wait=true, 201 when every batch completed, else 422.")
            .Produces<BatchResponse>(StatusCodes.Status202Accepted)
            .Produces<BatchResponse>(StatusCodes.Status201Created)
            .Produces<BatchResponse>()
            .Produces<BatchResponse>(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        app.MapPost("/api/files/{kind}", (HttpContext http, string kind, string? fileName, bool? wait, FileKindCatalog catalog,
                    RawFileStore store, IBatchIngestor ingestor, BatchQueue queue, IOptions<IngestionOptions> options, FeedAccess feeds, IAuditLog audit, ArchiveUpload archives, CancellationToken ct) =>
                UploadAsync(http, kind, fileName, wait ?? false, catalog, store, ingestor, queue, options.Value, feeds, audit, archives, ct))
            .WithTags("Upload")
            .WithSummary("Deliver a file of the given kind (body = the file as delivered); same answers as POST /api/files.")
            .Produces<BatchResponse>(StatusCodes.Status202Accepted)
            .Produces<BatchResponse>(StatusCodes.Status201Created)
            .Produces<BatchResponse>()
            .Produces<BatchResponse>(StatusCodes.Status422UnprocessableEntity);

        app.MapPost("/api/records/{kind}", (HttpContext http, string kind, FileKindCatalog catalog, IBatchIngestor ingestor, FeedAccess feeds, IAuditLog audit, CancellationToken ct) =>
                PushAsync(http, kind, catalog, ingestor, feeds, audit, ct))
            .WithTags("Push")
            .WithSummary("Push real-time facts: a JSON array of records of the kind (see /api/file-kinds), published at once.")
            .Produces<BatchResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        app.MapBatchEndpoints();
        app.MapRepublicationEndpoints();
        return app;
    }

    private static async Task<IResult?> RefusedAsync(HttpContext http, FeedAccess feeds, IFileKind? kind, string what, IAuditLog audit, CancellationToken ct) =>
        await FeedRefusal.CheckAsync(http, feeds, kind, what, audit, ct) is { } reason
            ? Results.Problem(reason, statusCode: StatusCodes.Status403Forbidden)
            : null;

    private static async Task<IResult> UploadAsync(HttpContext http, string? kindName, string? fileName, bool wait, FileKindCatalog catalog,
        RawFileStore store, IBatchIngestor ingestor, BatchQueue queue, IngestionOptions options, FeedAccess feeds, IAuditLog audit, ArchiveUpload archives, CancellationToken ct)
    {
        fileName = string.IsNullOrWhiteSpace(fileName) ? null : Path.GetFileName(fileName);
        var kind = kindName is not null ? catalog.Find(kindName) : fileName is not null ? catalog.Recognise(fileName) : null;
        if (await RefusedAsync(http, feeds, kind, kindName ?? fileName ?? "file", audit, ct) is { } refused) return refused;
        if (kind is null && kindName is not null)
        {
            return Results.Problem($"Unknown file kind '{kindName}'. Kinds: {catalog.Names}.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = options.MaxUploadBytes;
        StoredFile stored;
        try
        {
            stored = await store.SaveAsync(http.Request.Body, options.MaxUploadBytes, ct);
        }
        catch (FileTooLargeException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        if (await BombAsync(store, stored, ct) is { } bomb) return bomb;
        if (await HoldsSeveralFilesAsync(store, stored, ct))
        {
            // A kind given applies to every file; one recognised from the archive's own name does not.
            return await archives.AcceptAsync(http, stored, fileName ?? "archive.zip", kindName is not null ? kind : null, options.MaxUploadBytes, wait, ct);
        }
        if (kind is null)
        {
            return Results.Problem($"The kind of '{fileName ?? "(no file name)"}' cannot be recognised from its name; give it with ?kind=. Kinds: {catalog.Names}.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var (batch, duplicate) = await ingestor.AcceptFileAsync(stored, fileName ?? kind.Name, kind, ct);
        Activity.Current?.SetTag(IngestionMetrics.BatchIdTag, batch.Id.ToString());
        if (duplicate) return Results.Ok(BatchResponse.From(batch, duplicate: true));
        var processed = queue.EnqueueAsync(batch.Id, kind.Name);
        var location = $"/api/batches/{batch.Id}";
        if (!wait) return Results.Accepted(location, BatchResponse.From(batch));

        var done = await processed.WaitAsync(ct);
        return done.Status == BatchStatus.Failed
            ? Results.UnprocessableEntity(BatchResponse.From(done))
            : Results.Created(location, BatchResponse.From(done));
    }

    private static async Task<bool> HoldsSeveralFilesAsync(RawFileStore store, StoredFile stored, CancellationToken ct)
    {
        await using var file = store.Open(stored.Sha256);
        return await ArchiveFiles.HoldSeveralAsync(file, ct);
    }

    /// <summary>A gzip that expands beyond the limits is refused at once (413) with the reason, and not kept.</summary>
    private static async Task<IResult?> BombAsync(RawFileStore store, StoredFile stored, CancellationToken ct)
    {
        try
        {
            await using var file = store.Open(stored.Sha256);
            await DeliveredContent.ProbeAsync(file, DecompressionLimits.Default, ct);
            return null;
        }
        catch (FileRefusedException ex)
        {
            store.Delete(stored.Sha256);
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Compression bomb");
        }
    }

    private static async Task<IResult> PushAsync(HttpContext http, string kind, FileKindCatalog catalog,
        IBatchIngestor ingestor, FeedAccess feeds, IAuditLog audit, CancellationToken ct)
    {
        var known = catalog.Find(kind);
        if (await RefusedAsync(http, feeds, known, kind, audit, ct) is { } refused) return refused;
        if (known is not { } fileKind)
        {
            return Results.Problem($"Unknown kind '{kind}'. Kinds: {catalog.Names}.", statusCode: StatusCodes.Status400BadRequest);
        }
        IList? records;
        try
        {
            records = (IList?)await JsonSerializer.DeserializeAsync(http.Request.Body, typeof(List<>).MakeGenericType(fileKind.RecordType), JsonSerializerOptions.Web, ct);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException)
        {
            return Results.Problem($"The body is not a JSON array of {fileKind.RecordType.Name}: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
        }
        var valid = records?.Cast<ISourceRecord?>().ToList() ?? [];
        if (valid.Count == 0 || valid.Any(r => r is null || string.IsNullOrWhiteSpace(r.RecordKey)))
        {
            return Results.Problem("Push at least one record, each with a recordKey.", statusCode: StatusCodes.Status400BadRequest);
        }
        var batch = await ingestor.IngestPushAsync(fileKind, valid!, ct);
        Activity.Current?.SetTag(IngestionMetrics.BatchIdTag, batch.Id.ToString());
        return Results.Created($"/api/batches/{batch.Id}", BatchResponse.From(batch));
    }
}
