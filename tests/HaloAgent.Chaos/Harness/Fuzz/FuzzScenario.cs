using HaloAgent.Testing.FakePaystack;

namespace HaloAgent.Chaos.Fuzz;

/// <summary>One server node with every webhook secret configured (Meta, Twilio, Paystack against its fake) and a fuzz run.</summary>
public static class FuzzScenario
{
    public static async Task<FuzzReport> RunAsync(string connectionString, int cases, int seed, CancellationToken cancellationToken)
    {
        await using var paystack = await FakePaystackServer.StartAsync();
        const string twilioToken = "chaos-twilio-token";
        var settings = new ChaosSettings
        {
            Environment = new Dictionary<string, string>
            {
                ["Twilio__AuthToken"] = twilioToken,
                ["Twilio__AccountSid"] = "AC00000000000000000000000000000000",
                ["Twilio__Number"] = "+2348000000000",
                ["Paystack__SecretKey"] = paystack.SecretKey,
                ["Paystack__BaseUrl"] = paystack.BaseUrl,
            },
        };
        await using var cluster = await ChaosCluster.StartAsync(connectionString, settings, cancellationToken);
        return await new Fuzzer(cluster, paystack, twilioToken, seed).RunAsync(cases, cancellationToken);
    }
}
