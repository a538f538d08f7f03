namespace HaloAgent.Payments.Processes;

/// <summary>How an external tool ended: its exit code and what it wrote.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
