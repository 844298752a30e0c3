using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Registry;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Scoring.Api;

/// <summary>The model registry: versions, registration of a trained model, promotion, rollback.</summary>
public static class ModelEndpoints
{
    private const long MaxArtifactBytes = 200 * 1024 * 1024;

    public static IEndpointRouteBuilder MapModelEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/models").WithTags("Models");
        api.MapGet("/", async (ScoringDbContext db, CancellationToken ct) =>
                Results.Ok((await db.ModelVersions.AsNoTracking().OrderBy(v => v.Id).ToListAsync(ct)).Select(Describe)))
            .WithSummary("Registered model versions with their training window, features, metrics and thresholds.")
            .RequireAuthorization(SfPolicies.OfficerOrOps);
        api.MapGet("/{version}", async (string version, ScoringDbContext db, CancellationToken ct) =>
                await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Version == version, ct) is { } found
                    ? Results.Ok(Describe(found)) : Results.NotFound(new { error = $"No model version '{version}'." }))
            .WithSummary("One model version.")
            .RequireAuthorization(SfPolicies.OfficerOrOps);
        api.MapGet("/{version}/artifact", async (string version, ScoringDbContext db, CancellationToken ct) =>
                await db.ModelVersions.AsNoTracking().Where(v => v.Version == version).Select(v => v.Artifact).FirstOrDefaultAsync(ct) is { } artifact
                    ? Results.File(artifact, "application/zip", $"model-{version}.zip") : Results.NotFound(new { error = $"No model version '{version}'." }))
            .WithSummary("The version's artifact (zipped model folder), e.g. for `sf model score --model` to list a month offline as the service does.")
            .RequireAuthorization(SfPolicies.Ops);
        api.MapGet("/{version}/report", async (string version, ScoringDbContext db, CancellationToken ct) =>
                await db.ModelVersions.AsNoTracking().Where(v => v.Version == version).Select(v => v.Artifact).FirstOrDefaultAsync(ct) is not { } artifact
                    ? Results.NotFound(new { error = $"No model version '{version}'." })
                    : ModelArtifact.ReadText(artifact, "report.md") is { } report
                        ? Results.Text(report, "text/markdown; charset=utf-8")
                        : Results.NotFound(new { error = $"Version '{version}' was registered without its report." }))
            .WithSummary("The evaluation report registered with the version (report.md of `sf model train`'s production folder).")
            .RequireAuthorization(SfPolicies.OfficerOrOps);
        api.MapPost("/", async (HttpRequest request, ModelRegistry registry, CancellationToken ct) =>
            {
                if (request.ContentLength is > MaxArtifactBytes) return Results.Problem($"The artifact is larger than {MaxArtifactBytes / 1024 / 1024} MB.", statusCode: 413);
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body, ct);
                if (body.Length == 0) return Results.BadRequest(new { error = "Send the zipped model folder (model.json, member-N.zip, member-N.covers.json) as the request body." });
                try
                {
                    var version = await registry.RegisterAsync(body.ToArray(), ct);
                    return Results.Created($"/api/models/{version.Version}", Describe(version));
                }
                catch (InvalidDataException e)
                {
                    return Results.BadRequest(new { error = e.Message });
                }
            })
            .WithSummary("Registers a trained model (the zipped output folder of `sf model train`); not active until promoted.")
            .RequireAuthorization(SfPolicies.Ops);
        api.MapPost("/{version}/promote", async (string version, ModelRegistry registry, CancellationToken ct) =>
            {
                try
                {
                    return await registry.PromoteAsync(version, ct) is { } run
                        ? Results.Accepted($"/api/scores/rescore/{run.Id}", new { active = version, rescore = run.Id })
                        : Results.NotFound(new { error = $"No model version '{version}'." });
                }
                catch (PromotionRefusedException refused)
                {
                    return Results.Problem(refused.Message, statusCode: StatusCodes.Status409Conflict, title: "Promotion refused",
                        extensions: new Dictionary<string, object?> { ["reasons"] = refused.Reasons });
                }
            })
            .WithSummary("Makes a version the active one and rescores the perimeter with it; 409 with the reasons when the promotion gate refuses it "
                + "(a feature not in the live panel, a live missing rate far from training).")
            .RequireAuthorization(SfPolicies.Ops);
        api.MapPost("/rollback", async (ModelRegistry registry, CancellationToken ct) =>
                await registry.RollbackAsync(ct) is { } run
                    ? Results.Accepted($"/api/scores/rescore/{run.Id}", new { active = run.Reason.Split(' ')[^1], rescore = run.Id })
                    : Results.Conflict(new { error = "There is no earlier active version to go back to." }))
            .WithSummary("Goes back to the version active before the current one, and rescores the perimeter with it.")
            .RequireAuthorization(SfPolicies.Ops);
        return app;
    }

    private static object Describe(ModelVersion v) => new
    {
        v.Version, v.Name, v.Description, v.TrainedAt, v.RegisteredAt, trainingWindow = new { from = v.TrainFrom, to = v.TrainTo },
        v.Features, metrics = JsonSerializer.Deserialize<Dictionary<string, double>>(v.Metrics), thresholds = new { red = v.RedThreshold, orange = v.OrangeThreshold },
        v.IsActive, v.ArtifactSha256, v.TrainingFingerprint, v.CodeVersion,
    };
}
