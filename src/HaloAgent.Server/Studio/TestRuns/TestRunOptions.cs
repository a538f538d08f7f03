namespace HaloAgent.Server.Studio.TestRuns;

/// <summary>How long test runs live (<c>HaloAgent:Studio</c>).</summary>
public sealed class TestRunOptions
{
    public const string Section = "HaloAgent:Studio";

    /// <summary>
    /// A run nobody used for this long (no message, poll or fast-forward: the designer closed the tab) is ended and its
    /// sandbox data deleted (<c>HaloAgent:Studio:TestRunIdleMinutes</c>).
    /// </summary>
    public int TestRunIdleMinutes { get; set; } = 120;

    /// <summary>How often each node looks for idle runs and for ended runs whose cleanup has not finished yet.</summary>
    public TimeSpan TestRunSweepInterval { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan IdleLimit => TimeSpan.FromMinutes(Math.Max(1, TestRunIdleMinutes));
}
