using SignauxFaibles.Portal.Api;
using SignauxFaibles.Portal.Pages;

namespace SignauxFaibles.UnitTests.Portal;

public sealed class ListesTests
{
    private static readonly PublishedListSummary[] NewestFirst = [Summary("2026-03"), Summary("2026-02"), Summary("2026-01")];

    [Fact]
    public void The_month_asked_is_shown_with_the_list_published_before_it()
    {
        var (selected, previous) = ListesModel.Pick(NewestFirst, "2026-02");

        Assert.Equal(("2026-02", "2026-01"), (selected!.Month, previous!.Month));
    }

    [Fact]
    public void Without_a_month_or_with_an_unpublished_one_the_newest_list_is_shown()
    {
        Assert.Equal(("2026-03", "2026-02"), (ListesModel.Pick(NewestFirst, null).Selected!.Month, ListesModel.Pick(NewestFirst, "2025-07").Previous!.Month));
    }

    [Fact]
    public void The_first_list_has_nothing_before_it_and_no_list_means_nothing_to_show()
    {
        Assert.Null(ListesModel.Pick(NewestFirst, "2026-01").Previous);
        Assert.Equal((null, null), ListesModel.Pick([], null));
    }

    private static PublishedListSummary Summary(string month) => new(month, "v1", 0.5, 0.2, DateTimeOffset.UnixEpoch, "ops", 1, 2);
}
