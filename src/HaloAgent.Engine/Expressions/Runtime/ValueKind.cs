namespace HaloAgent.Engine.Expressions.Runtime;

/// <summary>The kinds of plain value the language distinguishes.</summary>
internal enum ValueKind
{
    Null,
    Bool,
    Number,
    String,
    List,
    Object,

    /// <summary>Anything else a caller put in the scope; opaque to the language.</summary>
    Other,
}
