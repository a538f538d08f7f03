namespace HaloAgent.Engine.Expressions.Nodes;

internal enum ArithmeticOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
}
