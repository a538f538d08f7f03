namespace HaloAgent.Payments.Paystack;

/// <summary>
/// Paystack refused a call or answered something unusable: the HTTP status and Paystack's <c>message</c>. A 401 means
/// the secret key is wrong; 5xx and 429 are worth retrying (<see cref="IsTransient"/>).
/// </summary>
public sealed class PaystackApiException(int httpStatus, string message, string? operation = null)
    : Exception($"Paystack {operation ?? "call"} failed (HTTP {httpStatus}): {message}")
{
    public int HttpStatus { get; } = httpStatus;

    /// <summary>Paystack's own <c>message</c>, or a description of the unusable answer.</summary>
    public string PaystackMessage { get; } = message;

    public bool IsUnauthorized => HttpStatus == 401;

    public bool IsTransient => HttpStatus >= 500 || HttpStatus == 429;
}
