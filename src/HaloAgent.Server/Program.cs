using HaloAgent.Server;

var builder = WebApplication.CreateBuilder(args);
builder.AddHaloAgent();

var app = builder.Build();
await app.InitializeHaloAgentAsync();
app.MapHaloAgent();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
