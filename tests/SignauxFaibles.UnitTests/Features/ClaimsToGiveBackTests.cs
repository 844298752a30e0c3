using SignauxFaibles.Features.Panel;

namespace SignauxFaibles.UnitTests.Features;

/// <summary>Regression of the campaign's finding: companies of a failed batch are not left claimed when the database was away for their give-back too.</summary>
public sealed class ClaimsToGiveBackTests
{
    private static readonly string[] Batch = ["111111118", "222222226"];

    [Fact]
    public async Task Companies_whose_give_back_failed_are_given_back_before_the_next_claim_and_only_once()
    {
        var claims = new ClaimsToGiveBack();
        var unclaimed = new List<string[]>();

        await claims.GiveBackAsync(Batch, _ => throw new TimeoutException("the database is away"));
        Assert.Equal(Batch, claims.Pending);

        await claims.GiveBackPendingAsync(sirens => { unclaimed.Add(sirens); return Task.CompletedTask; });
        await claims.GiveBackPendingAsync(sirens => { unclaimed.Add(sirens); return Task.CompletedTask; });
        Assert.Equal([Batch], unclaimed);
        Assert.Empty(claims.Pending);
    }

    [Fact]
    public async Task A_give_back_that_fails_again_keeps_them_for_the_batch_after()
    {
        var claims = new ClaimsToGiveBack();
        await claims.GiveBackAsync(Batch, _ => throw new TimeoutException("the database is away"));

        await Assert.ThrowsAsync<TimeoutException>(() => claims.GiveBackPendingAsync(_ => throw new TimeoutException("still away")));
        Assert.Equal(Batch, claims.Pending);
        await claims.GiveBackAsync(["333333334"], _ => throw new TimeoutException("still away"));
        Assert.Equal([.. Batch, "333333334"], claims.Pending);
    }

    [Fact]
    public async Task A_give_back_that_succeeds_leaves_nothing_pending_and_a_cancellation_is_not_kept()
    {
        var claims = new ClaimsToGiveBack();
        await claims.GiveBackAsync(Batch, _ => Task.CompletedTask);
        Assert.Empty(claims.Pending);

        await Assert.ThrowsAsync<OperationCanceledException>(() => claims.GiveBackAsync(Batch, _ => throw new OperationCanceledException()));
        Assert.Empty(claims.Pending);
    }
}
