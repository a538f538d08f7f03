namespace HaloAgent.Engine.Expressions.Functions;

/// <summary>Implementation of a built-in function; arguments are evaluated on demand through <paramref name="args"/>.</summary>
internal delegate object? FunctionBody(FunctionArguments args);
