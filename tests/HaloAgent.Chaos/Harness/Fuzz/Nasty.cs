using System.Text;

namespace HaloAgent.Chaos.Fuzz;

/// <summary>Values that have broken parsers before: empty, huge, control characters, odd Unicode, numbers at the edges.</summary>
public static class Nasty
{
    public static readonly string[] Strings =
    [
        "", " ", "\0", "\u0001\u0002\u001f", "\r\n", "\t", "null", "undefined", "NaN", "-0", "1e309", "-1e309", "0x1F",
        "9223372036854775808", "-9223372036854775809", "79228162514264337593543950336", "0.0000000000000000000000000001",
        "\ud83d\ude00", "\ud800", "\udc00x", "\u202e\u202d", "\ufeff", "Ẹ́kú àárọ̀ ₦1,000", "ɓ ɗ ƙ", "ﷺ", "𝕳𝖊𝖑𝖑𝖔",
        "<script>alert(1)</script>", "{{", "}}", "{{#if}}", "{{> x}}", "{{{raw}}}", "${x}", "%s%s%n", "'; DROP TABLE contacts;--",
        "../../etc/passwd", "C:\\con\\aux", "whatsapp:+", "+", "+234", "+2340000000000000000000", "2348030000001",
        "=cmd|' /C calc'!A0", "\"", "\\", "\\u0000", "[]", "{}", "true", "a,b,c\n\"d", "HLO-", "HLO-7K2Q9",
    ];

    public static string String(Random random)
    {
        switch (random.Next(10))
        {
            case 0:
                return new string((char)random.Next(32, 127), random.Next(1, 5000));
            case 1:
                return new string('x', random.Next(20_000, 120_000));
            case 2:
                var builder = new StringBuilder();
                for (var i = random.Next(1, 60); i > 0; i--)
                {
                    builder.Append((char)random.Next(0, 0xFFFF));
                }

                return builder.ToString();
            case 3:
                return random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
            default:
                return Strings[random.Next(Strings.Length)];
        }
    }

    public static double Number(Random random) => random.Next(8) switch
    {
        0 => 0,
        1 => -1,
        2 => long.MaxValue,
        3 => long.MinValue,
        4 => double.MaxValue,
        5 => 1e-300,
        6 => random.NextDouble() * 1e12,
        _ => random.Next(-1000, 100_000),
    };
}
