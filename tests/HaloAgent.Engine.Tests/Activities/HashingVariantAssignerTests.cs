using HaloAgent.Engine.Activities;

namespace HaloAgent.Engine.Tests.Activities;

public sealed class HashingVariantAssignerTests
{
    private static VariantAssignmentRequest Request(string subject, params WeightedVariant[] variants) =>
        new("promo", "ab", subject, "inst-" + subject, variants);

    [Fact]
    public async Task The_same_subject_always_gets_the_same_variant()
    {
        var assigner = new HashingVariantAssigner();
        var variants = new[] { new WeightedVariant("A", 1), new WeightedVariant("B", 1), new WeightedVariant("C", 1) };

        for (var i = 0; i < 50; i++)
        {
            var subject = $"+23480{i:D8}";
            var first = await assigner.AssignAsync(Request(subject, variants), CancellationToken.None);
            var again = await assigner.AssignAsync(Request(subject, variants) with { InstanceId = "another-instance" }, CancellationToken.None);
            again.ShouldBe(first);
            HashingVariantAssigner.Pick(Request(subject, variants)).ShouldBe(first);
        }
    }

    [Fact]
    public void The_assignment_does_not_depend_on_the_process()
    {
        // string.GetHashCode is randomised per process; the assigner must not be. These values are fixed forever:
        // if they change, every running A/B test reshuffles its contacts.
        var variants = new[] { new WeightedVariant("A", 50), new WeightedVariant("B", 50) };
        var picks = Enumerable.Range(0, 16).Select(i => HashingVariantAssigner.Pick(Request($"contact-{i}", variants)));

        string.Join(",", picks).ShouldBe("A,A,B,A,A,A,A,A,B,B,A,B,B,A,A,A");
    }

    [Fact]
    public void Different_nodes_assign_independently()
    {
        var variants = new[] { new WeightedVariant("A", 1), new WeightedVariant("B", 1) };
        var differ = Enumerable.Range(0, 200).Count(i =>
            HashingVariantAssigner.Pick(new VariantAssignmentRequest("promo", "ab1", $"c{i}", "x", variants)) !=
            HashingVariantAssigner.Pick(new VariantAssignmentRequest("promo", "ab2", $"c{i}", "x", variants)));

        differ.ShouldBeInRange(60, 140);
    }

    [Theory]
    [InlineData(80, 20, 0.70, 0.90)]
    [InlineData(50, 50, 0.44, 0.56)]
    [InlineData(1, 9, 0.05, 0.15)]
    public void Many_subjects_spread_by_weight(int weightA, int weightB, double low, double high)
    {
        var variants = new[] { new WeightedVariant("A", weightA), new WeightedVariant("B", weightB) };

        var share = Enumerable.Range(0, 2000).Count(i => HashingVariantAssigner.Pick(Request($"+2348{i:D9}", variants)) == "A") / 2000.0;

        share.ShouldBeInRange(low, high);
    }

    [Fact]
    public void Every_variant_with_weight_gets_subjects()
    {
        var variants = new[] { new WeightedVariant("A", 0.5m), new WeightedVariant("B", 0.25m), new WeightedVariant("C", 0.25m) };

        var counts = Enumerable.Range(0, 1000)
            .GroupBy(i => HashingVariantAssigner.Pick(Request($"s{i}", variants)))
            .ToDictionary(g => g.Key, g => g.Count());

        counts.Keys.ShouldBe(["A", "B", "C"], ignoreOrder: true);
        counts["A"].ShouldBeInRange(420, 580);
    }

    [Fact]
    public void A_single_variant_always_wins()
    {
        Enumerable.Range(0, 100).Select(i => HashingVariantAssigner.Pick(Request($"s{i}", new WeightedVariant("only", 3))))
            .Distinct().ShouldBe(["only"]);
    }
}
