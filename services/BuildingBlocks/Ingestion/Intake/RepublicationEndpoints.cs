using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.Changes;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Ingestion.Intake;

public static class RepublicationEndpoints
{
    /// <summary>Operators ask a stock to publish its whole current state again (see <see cref="StockRepublication"/>).</summary>
    public static IEndpointRouteBuilder MapRepublicationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/republications/{kind}", async (string kind, bool? wait, FileKindCatalog catalog, IBatchIngestor ingestor,
                    BatchQueue queue, IAuditLog audit, CancellationToken ct) =>
            {
                if (catalog.Find(kind) is not { } known)
                {
                    return Results.Problem($"Unknown kind '{kind}'. Kinds: {catalog.Names}.", statusCode: StatusCodes.Status404NotFound);
                }
                if (known is not IChangeTrackedKind stock)
                {
                    var stocks = string.Join(", ", catalog.All.OfType<IChangeTrackedKind>().Select(k => k.Name));
                    return Results.Problem($"'{known.Name}' is not a stock: its files carry facts, each published once when delivered. "
                        + $"Stocks of this service: {(stocks.Length > 0 ? stocks : "none")}.", statusCode: StatusCodes.Status400BadRequest);
                }
                var batch = await ingestor.AcceptRepublicationAsync(stock, ct);
                await audit.RecordAsync(AuditActions.StockRepublished, stock.Name, AuditOutcomes.Allowed, $"batch {batch.Id}", ct);
                var processed = queue.EnqueueAsync(batch.Id, stock.Name);
                var location = $"/api/batches/{batch.Id}";
                if (wait != true) return Results.Accepted(location, BatchResponse.From(batch));
                var done = await processed.WaitAsync(ct);
                return done.Status == BatchStatus.Failed
                    ? Results.UnprocessableEntity(BatchResponse.From(done))
                    : Results.Created(location, BatchResponse.From(done));
            })
            .WithTags("Republication")
            .WithSummary("Publish a stock's whole current state again (ops; audited), e.g. for a consumer added after the stock was delivered.")
            .WithDescription("Every record the stock holds today (the latest content of each key, read back from the delivered files and pushes) "
                + "is published as a new record of the kind, in a batch of its own followed like a delivery. 202 with the batch; "
                + "with wait=true, 201 once published or 422 with the reason (e.g. a raw file gone).")
            .RequireAuthorization(SfPolicies.Ops)
            .Produces<BatchResponse>(StatusCodes.Status202Accepted)
            .Produces<BatchResponse>(StatusCodes.Status201Created)
            .Produces<BatchResponse>(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
