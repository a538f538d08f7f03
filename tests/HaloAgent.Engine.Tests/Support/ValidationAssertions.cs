using HaloAgent.Engine.Validation;

namespace HaloAgent.Engine.Tests.Support;

public static class ValidationAssertions
{
    /// <summary>Asserts that one error points at <paramref name="nodeId"/> / <paramref name="field"/> and mentions every fragment.</summary>
    public static ValidationError ShouldHaveError(this IReadOnlyList<ValidationError> errors, string? nodeId, string? field, params string[] fragments)
    {
        var match = errors.FirstOrDefault(e =>
            e.NodeId == nodeId && e.Field == field && fragments.All(f => e.Message.Contains(f, StringComparison.Ordinal)));
        match.ShouldNotBeNull(
            $"Expected an error at node '{nodeId ?? "(none)"}', field '{field ?? "(none)"}' mentioning [{string.Join(" | ", fragments)}]; got:\n" + Describe(errors));
        return match;
    }

    public static void ShouldBeValid(this IReadOnlyList<ValidationError> errors) =>
        errors.ShouldBeEmpty("Expected no errors; got:\n" + Describe(errors));

    public static string Describe(IReadOnlyList<ValidationError> errors) =>
        errors.Count == 0 ? "(no errors)" : string.Join("\n", errors.Select(e => $"  [{e.NodeId ?? "-"} / {e.Field ?? "-"}] {e.Message}"));
}
