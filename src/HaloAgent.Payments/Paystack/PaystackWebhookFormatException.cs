namespace HaloAgent.Payments.Paystack;

/// <summary>A signed webhook body that is not the JSON Paystack documents; the message says what is wrong.</summary>
public sealed class PaystackWebhookFormatException(string message, Exception? inner = null) : FormatException(message, inner);
