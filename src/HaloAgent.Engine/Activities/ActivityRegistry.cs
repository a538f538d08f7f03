namespace HaloAgent.Engine.Activities;

/// <summary>The catalogue of activity types, built from every <see cref="IActivity"/> registered in DI.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, IActivity> _byType;

    public ActivityRegistry(IEnumerable<IActivity> activities)
    {
        _byType = new Dictionary<string, IActivity>(StringComparer.Ordinal);
        foreach (var activity in activities)
        {
            if (!_byType.TryAdd(activity.Descriptor.Type, activity))
            {
                throw new InvalidOperationException($"Activity type '{activity.Descriptor.Type}' is registered twice.");
            }
        }
    }

    public IReadOnlyCollection<ActivityDescriptor> Descriptors => _byType.Values.Select(a => a.Descriptor).OrderBy(d => d.Category).ThenBy(d => d.DisplayName).ToList();

    public bool TryGet(string type, out IActivity activity) => _byType.TryGetValue(type, out activity!);

    public IActivity Get(string type) =>
        TryGet(type, out var activity) ? activity : throw new KeyNotFoundException($"Unknown activity type '{type}'.");
}
