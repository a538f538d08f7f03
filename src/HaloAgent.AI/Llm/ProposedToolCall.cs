namespace HaloAgent.AI.Llm;

/// <summary>A tool call as the model sent it: untrusted until <see cref="ToolCallValidator"/> accepts it.</summary>
internal sealed record ProposedToolCall(string Name, string Arguments);
