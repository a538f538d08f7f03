using HaloAgent.Engine.Activities;
using HaloAgent.Platform.Audience;

namespace HaloAgent.Marketing.Segments;

/// <summary>
/// A flow condition on a saved segment: whether the flow's contact (its correlation key) is in the segment now. The
/// filter is read when the step runs, so an edit to the segment applies to running journeys at their next check.
/// </summary>
public sealed class InSegmentActivity(SegmentStore segments, IAudience audience) : Activity
{
    public const string Yes = "Yes";
    public const string No = "No";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "InSegment",
        DisplayName = "In segment?",
        Category = "Marketing",
        Description = "Goes on by Yes when the flow's contact matches a saved segment now, else by No.",
        Inputs =
        [
            new InputDescriptor("segment", InputKind.Text)
            {
                DisplayName = "Segment", Required = true, Description = "The saved segment's name (or id), as on the Segments page.",
            },
        ],
        Outcomes = [Yes, No],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var name = context.Text("segment")?.Trim();
        var contactId = context.Instance.CorrelationKey
            ?? throw new InvalidOperationException("In segment? needs a flow started for a contact (its correlation key is the contact).");
        var businessId = await audience.BusinessOfAsync(contactId, cancellationToken)
            ?? throw new InvalidOperationException($"There is no contact '{contactId}' to check against a segment.");
        var segment = string.IsNullOrEmpty(name) ? null : await segments.FindByNameOrIdAsync(businessId, name, cancellationToken);
        if (segment is null)
        {
            throw new InvalidOperationException($"There is no segment '{name}': create it on the Segments page or choose another.");
        }

        var member = await audience.MatchesAsync(businessId, segment.Filter, contactId, cancellationToken);
        return ActivityResult.Outcome(member ? Yes : No, new Dictionary<string, object?> { ["segment"] = segment.Name });
    }
}
