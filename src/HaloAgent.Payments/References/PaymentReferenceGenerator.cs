using System.Security.Cryptography;

namespace HaloAgent.Payments.References;

/// <summary>
/// New payment references from the OS's cryptographic random source, so a customer cannot predict another order's
/// reference from their own. Uniqueness is the store's job (a unique index); <see cref="NextUniqueAsync"/> retries
/// against it.
/// </summary>
public sealed class PaymentReferenceGenerator(PaymentReferenceFormat format)
{
    /// <summary>Enough that, with the default format, running out means the store is full or broken, not unlucky.</summary>
    public const int MaxAttempts = 32;

    public PaymentReferenceFormat Format { get; } = format;

    /// <summary>A fresh random reference, e.g. <c>HLO-7K2Q9</c>. Not checked against existing ones.</summary>
    public string Next() => Format.Format(RandomNumberGenerator.GetString(PaymentReferenceFormat.Alphabet, Format.CodeLength));

    /// <summary>
    /// A reference that <paramref name="isTaken"/> says is free. The check and the insert are not atomic: the caller
    /// still relies on its unique index and calls again on a conflict.
    /// </summary>
    public async Task<string> NextUniqueAsync(Func<string, CancellationToken, Task<bool>> isTaken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(isTaken);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var candidate = Next();
            if (!await isTaken(candidate, cancellationToken).ConfigureAwait(false))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"No free payment reference after {MaxAttempts} attempts: the {Format.Prefix} space of {Format.Combinations:N0} codes is nearly full; raise CodeLength.");
    }
}
