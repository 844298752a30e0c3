using SignauxFaibles.Cli.Chaos;

namespace SignauxFaibles.UnitTests.Cli;

public sealed class FaultPlanTests
{
    private static readonly string[] Services = ["ingestion-urssaf", "features", "ingestion-insee", "scoring", "gateway"];

    [Fact]
    public void Every_service_is_killed_once_and_every_other_fault_happens_once_within_the_load()
    {
        var plan = FaultPlan.Make(Fault.Kinds, Services, deliveries: 40, seed: 5);

        Assert.Equal(Services.Order(), plan.Where(p => p.Fault.Kind == Fault.Kill).Select(p => p.Fault.Target).Order());
        Assert.Equal([Fault.Broker, Fault.DatabaseCut, Fault.PostgresFast, Fault.PostgresImmediate, Fault.Slow], plan.Where(p => p.Fault.Kind != Fault.Kill).Select(p => p.Fault.Kind).Order(StringComparer.Ordinal));
        Assert.Contains(plan.Single(p => p.Fault.Kind == Fault.DatabaseCut).Fault.Target, Fault.Consumers);
        Assert.Contains(plan.Single(p => p.Fault.Kind == Fault.Slow).Fault.Target, Fault.Consumers);
        Assert.All(plan, p => Assert.InRange(p.AtDelivery, 1, 39));
        Assert.Equal(plan.Select(p => p.AtDelivery).Order(), plan.Select(p => p.AtDelivery));
    }

    [Fact]
    public void The_same_seed_gives_the_same_campaign_and_another_seed_another_order()
    {
        var first = FaultPlan.Make(Fault.Kinds, Services, 40, seed: 5);

        Assert.Equal(first, FaultPlan.Make(Fault.Kinds, Services, 40, seed: 5));
        Assert.NotEqual(first.Select(p => p.Fault), FaultPlan.Make(Fault.Kinds, Services, 40, seed: 6).Select(p => p.Fault));
    }

    [Fact]
    public void Only_the_kinds_asked_for_are_planned()
    {
        var plan = FaultPlan.Make([Fault.Broker], Services, 10, seed: 1);

        Assert.Equal([new Fault(Fault.Broker, "")], plan.Select(p => p.Fault));
    }

    [Fact]
    public void A_killed_ingestion_service_dies_while_it_takes_one_of_its_own_files()
    {
        string[] routes = ["insee", "insee", "urssaf", "dgefp", "urssaf", "insee"];
        var schedule = new List<(int, Fault)> { (3, new Fault(Fault.Kill, "ingestion-insee")), (1, new Fault(Fault.Kill, "features")), (3, new Fault(Fault.Kill, "ingestion-urssaf")) };

        var aligned = FaultPlan.AtOwnDeliveries(schedule, routes);

        Assert.Equal([(1, "features"), (4, "ingestion-urssaf"), (5, "ingestion-insee")], aligned.Select(a => (a.AtDelivery, a.Fault.Target)));
    }
}
