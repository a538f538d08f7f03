using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Nodes;

/// <summary><c>[a, b, ...]</c>. Evaluate returns a fresh list; readers of an all-literal list share a cached one.</summary>
internal sealed class ListLiteralNode : ExpressionNode
{
    private readonly ExpressionNode[] _items;
    private readonly List<object?>? _constant;

    public ListLiteralNode(ExpressionNode[] items, int position)
        : base(position)
    {
        _items = items;
        if (Array.TrueForAll(items, item => item is LiteralNode))
        {
            _constant = items.Select(item => ((LiteralNode)item).Value).ToList();
        }
    }

    /// <summary>The item values when every item is a literal; null otherwise. Never hand it out to callers.</summary>
    public IReadOnlyList<object?>? ConstantItems => _constant;

    public override object? Evaluate(in EvaluationContext context)
    {
        var list = new List<object?>(_items.Length);
        foreach (var item in _items)
        {
            list.Add(item.Evaluate(in context));
        }

        return list;
    }

    public override object? EvaluateForRead(in EvaluationContext context) => _constant ?? Evaluate(in context);
}
