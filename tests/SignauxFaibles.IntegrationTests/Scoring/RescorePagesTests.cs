using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Indicators;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Scoring;

/// <summary>The scoring service rescoring in pages of two companies, so that a run has many pages in flight.</summary>
public sealed class SmallPagesScoringFixture : ScoringFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Rescoring:PageSize"] = "2" };
}

/// <summary>
/// A rescore whose write stage fails mid-run, while the read and score stages wait on full
/// channels: the run ends failed with the database's own error, the pages committed before stay,
/// and the next run completes.
/// </summary>
public sealed class RescorePagesTests(SmallPagesScoringFixture fixture) : IClassFixture<SmallPagesScoringFixture>
{
    [Fact]
    public async Task A_page_refused_by_the_database_ends_the_run_failed_after_the_pages_before_it_and_the_next_run_completes()
    {
        await fixture.ActiveTestModelAsync();
        var companies = Enumerable.Range(0, 10).Select(i => ScoringFixture.Company(TestModels.Siren(34_000_000 + i), 1, debtMonths: i % 3)).ToArray();
        await fixture.Bus.Publish(new CompanyIndicatorsUpdated(companies, DateTimeOffset.UtcNow));
        await Eventually.UntilAsync(async () =>
        {
            await using var db = fixture.Db();
            return await db.Standings.CountAsync();
        }, n => n == companies.Length, TimeSpan.FromSeconds(30), "the ten companies to be scored online");

        // The seventh company in SIREN order is the first of the fourth page: three pages commit, the fourth fails.
        var refused = companies.Select(c => c.Siren.Value).Order(StringComparer.Ordinal).ElementAt(6);
        await using (var db = fixture.Db())
        {
            await db.Database.ExecuteSqlRawAsync("""
                create table refused_standings (siren varchar(9) primary key);
                create function refuse_standing() returns trigger language plpgsql as $$
                begin
                    if exists (select 1 from refused_standings r where r.siren = new.siren) then
                        raise exception 'standing of % refused by the test', new.siren;
                    end if;
                    return new;
                end $$;
                create trigger refuse_standing before insert or update on standings for each row execute function refuse_standing();
                """);
            await db.Database.ExecuteSqlAsync($"insert into refused_standings (siren) values ({refused})");
        }

        var failed = await RescoreAsync();
        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        Assert.Contains($"standing of {refused} refused by the test", failed.GetProperty("error").GetString());
        Assert.Equal(6, failed.GetProperty("companies").GetInt32());

        await using (var db = fixture.Db())
            await db.Database.ExecuteSqlRawAsync("drop trigger refuse_standing on standings; drop function refuse_standing(); drop table refused_standings;");
        var completed = await RescoreAsync();
        Assert.Equal("Completed", completed.GetProperty("status").GetString());
        Assert.Equal(companies.Length, completed.GetProperty("companies").GetInt32());
        Assert.Equal(companies.Length, completed.GetProperty("scored").GetInt32());
    }

    private async Task<JsonElement> RescoreAsync()
    {
        var response = await fixture.Http.PostAsync("/api/scores/rescore", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rescore").GetInt64();
        return await Eventually.UntilAsync(
            () => fixture.Http.GetFromJsonAsync<JsonElement>($"/api/scores/rescore/{run}"),
            r => r.GetProperty("status").GetString() is "Completed" or "Failed", TimeSpan.FromSeconds(60), $"rescore {run} to end");
    }
}
