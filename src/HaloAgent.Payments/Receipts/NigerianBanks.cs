using System.Text.RegularExpressions;

namespace HaloAgent.Payments.Receipts;

/// <summary>Banks and wallets Nigerian customers pay from, with the spellings their apps (and OCR) print.</summary>
internal static class NigerianBanks
{
    private static readonly (string Name, Regex Pattern)[] Banks =
    [
        ("GTBank", Pattern(@"gt\s?bank|gtco|gt\s?world|guaranty\s+trust|\bgtb\b")),
        ("Access Bank", Pattern(@"access\s*bank|accessmore|\baccess\s+plc")),
        ("Zenith Bank", Pattern(@"\bzenith\b")),
        ("First Bank", Pattern(@"first\s*bank|\bfbn\b|firstmobile")),
        ("UBA", Pattern(@"\buba\b|united\s+bank\s+for\s+africa")),
        ("OPay", Pattern(@"\bopay\b|\b0pay\b")),
        ("Moniepoint", Pattern(@"moniepoint|monie\s*point")),
        ("Kuda", Pattern(@"\bkuda\b")),
        ("PalmPay", Pattern(@"palm\s?pay")),
        ("Wema Bank", Pattern(@"\bwema\b|\balat\b")),
        ("Sterling Bank", Pattern(@"\bsterling\b")),
        ("Fidelity Bank", Pattern(@"\bfidelity\b")),
        ("FCMB", Pattern(@"\bfcmb\b|first\s+city\s+monument")),
        ("Stanbic IBTC", Pattern(@"stanbic")),
        ("Union Bank", Pattern(@"union\s*bank")),
        ("Ecobank", Pattern(@"eco\s?bank")),
        ("Polaris Bank", Pattern(@"\bpolaris\b")),
        ("Keystone Bank", Pattern(@"\bkeystone\b")),
        ("Providus Bank", Pattern(@"\bprovidus\b")),
        ("Unity Bank", Pattern(@"unity\s*bank")),
        ("Jaiz Bank", Pattern(@"\bjaiz\b")),
        ("Heritage Bank", Pattern(@"heritage\s*bank")),
        ("Globus Bank", Pattern(@"\bglobus\b")),
        ("Titan Trust Bank", Pattern(@"titan\s*trust")),
        ("Paga", Pattern(@"\bpaga\b")),
        ("Carbon", Pattern(@"\bcarbon\b")),
        ("VFD Microfinance Bank", Pattern(@"\bvfd\b|\bv\s?bank\b")),
        ("Standard Chartered", Pattern(@"standard\s+chartered")),
        ("Citibank", Pattern(@"\bciti\s?bank\b")),
    ];

    /// <summary>The bank named in <paramref name="text"/> that appears first, with where it appears.</summary>
    public static (string Name, int Index)? First(string text)
    {
        (string Name, int Index)? first = null;
        foreach (var (name, pattern) in Banks)
        {
            var match = pattern.Match(text);
            if (match.Success && (first is null || match.Index < first.Value.Index))
            {
                first = (name, match.Index);
            }
        }

        return first;
    }

    private static Regex Pattern(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
}
