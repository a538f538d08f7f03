namespace HaloAgent.Engine.Validation;

/// <summary>
/// Cycle finding on a flow's graph without recursion: a flow's size is the user's to choose, so walking it must not
/// use the call stack (a 30,000-node chain overflowed it once and took the process down).
/// </summary>
internal static class LoopAnalysis
{
    /// <summary>
    /// Cycles made only of nodes that do not wait, one per back edge a depth-first walk finds; each starts and ends at
    /// the node the walk came back to.
    /// </summary>
    public static List<List<string>> CyclesWithoutWait(IEnumerable<string> nodes, Dictionary<string, List<string>> successors, Func<string, bool> waits)
    {
        var cycles = new List<List<string>>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<(string Id, int Next)>();
        foreach (var root in nodes)
        {
            if (waits(root) || done.Contains(root) || onPath.ContainsKey(root))
            {
                continue;
            }

            Enter(root);
            while (stack.TryPop(out var frame))
            {
                var next = successors.GetValueOrDefault(frame.Id);
                if (next is null || frame.Next >= next.Count)
                {
                    done.Add(frame.Id);
                    onPath.Remove(frame.Id);
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                stack.Push((frame.Id, frame.Next + 1));
                var target = next[frame.Next];
                if (waits(target) || done.Contains(target))
                {
                    continue;
                }

                if (onPath.TryGetValue(target, out var at))
                {
                    cycles.Add([.. path.Skip(at), target]);
                }
                else
                {
                    Enter(target);
                }
            }
        }

        return cycles;

        void Enter(string id)
        {
            onPath[id] = path.Count;
            path.Add(id);
            stack.Push((id, 0));
        }
    }

    /// <summary>Nodes that lie on some cycle (Tarjan's strongly connected components, with an explicit stack).</summary>
    public static HashSet<string> NodesOnCycles(IEnumerable<string> nodes, Dictionary<string, List<string>> successors)
    {
        var onCycles = new HashSet<string>(StringComparer.Ordinal);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var component = new Stack<string>();
        var inComponent = new HashSet<string>(StringComparer.Ordinal);
        var work = new Stack<(string Id, int Next)>();
        foreach (var root in nodes)
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            Enter(root);
            while (work.TryPop(out var frame))
            {
                var next = successors.GetValueOrDefault(frame.Id) ?? [];
                if (frame.Next < next.Count)
                {
                    work.Push((frame.Id, frame.Next + 1));
                    var target = next[frame.Next];
                    if (!index.ContainsKey(target))
                    {
                        Enter(target);
                    }
                    else if (inComponent.Contains(target))
                    {
                        low[frame.Id] = Math.Min(low[frame.Id], index[target]);
                    }

                    continue;
                }

                if (low[frame.Id] == index[frame.Id])
                {
                    var members = new List<string>();
                    string member;
                    do
                    {
                        member = component.Pop();
                        inComponent.Remove(member);
                        members.Add(member);
                    }
                    while (member != frame.Id);

                    if (members.Count > 1 || next.Contains(frame.Id))
                    {
                        onCycles.UnionWith(members);
                    }
                }

                if (work.TryPeek(out var parent))
                {
                    low[parent.Id] = Math.Min(low[parent.Id], low[frame.Id]);
                }
            }
        }

        return onCycles;

        void Enter(string id)
        {
            index[id] = low[id] = index.Count;
            component.Push(id);
            inComponent.Add(id);
            work.Push((id, 0));
        }
    }
}
