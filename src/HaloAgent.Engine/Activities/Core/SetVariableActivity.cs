namespace HaloAgent.Engine.Activities.Core;

public sealed class SetVariableActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "SetVariable",
        DisplayName = "Set variable",
        Category = "Data",
        Description = "Stores the value of an expression in a flow variable.",
        Inputs =
        [
            new InputDescriptor("name", InputKind.VariableName) { DisplayName = "Variable", Required = true },
            new InputDescriptor("value", InputKind.Expression) { DisplayName = "Value", Required = true, Description = "An expression, e.g. vars.count + 1 or \"text\"." },
        ],
        Outputs = [new OutputDescriptor("value", "any")],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var value = context.Input<object>("value");
        context.Variables[context.Text("name")!] = value;
        return ValueTask.FromResult(ActivityResult.Done(value));
    }
}
