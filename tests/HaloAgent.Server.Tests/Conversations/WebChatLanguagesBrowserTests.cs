using System.Text.Json;
using HaloAgent.Testing.Browser;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HaloAgent.Server.Tests.Conversations;

/// <summary>
/// Customers typing on the web chat page in Pidgin, Yoruba (with and without tone marks) and Hausa, on a phone-sized and a
/// laptop-sized window: each reply is read as the customer reads it (in their language, naming what was added, showing the
/// corrected quantity). The whole transcript is written to the test output.
/// </summary>
public sealed class WebChatLanguagesBrowserTests(WebChatBrowserServer server, ITestOutputHelper output) : IClassFixture<WebChatBrowserServer>
{
    public static TheoryData<int, int> Sizes() => new() { { 390, 844 }, { 1366, 768 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task A_pidgin_customer_browses_orders_corrects_checks_the_cart_and_picks_up(int width, int height)
    {
        await using var chat = await OpenAsync(width, height);
        try
        {
            var menu = await chat.SaysAsync("abeg wetin una get", r => r.Choices.Count > 0, "the menu as a list");
            menu.SelectMany(r => r.Choices).ShouldContain(c => c.StartsWith("Jollof", StringComparison.Ordinal));

            var added = await chat.SaysAsync("I want 2 jollof rice and 1 moi moi", r => r.Text.Contains("7,800"), "both dishes added");
            var addedText = added.First(r => r.Text.Contains("7,800")).Text;
            addedText.ShouldContain("2 × Jollof rice");
            addedText.ShouldContain("1 × Moi moi");

            await chat.SaysAsync("make am 3", r => r.Text.Contains('✅'), "the corrected cart");
            await chat.SaysAsync("cart", r => r.Text.Contains("🛒"), "the cart");
            var asked = await chat.SaysAsync("na all", r => r.Choices.Count > 0, "pickup or delivery");
            asked.Last(r => r.Choices.Count > 0).Choices.Count.ShouldBe(2);
            await chat.SaysAsync("I go come carry am", r => r.Choices.Count > 0, "the summary with confirm buttons");
            await HeadlessChromium.ScreenshotAsync(chat.Page, $"webchat-pcm-{width}x{height}");
        }
        finally
        {
            await chat.WriteTranscriptAsync(output);
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task A_yoruba_customer_asks_a_price_then_orders_with_and_without_tone_marks(int width, int height)
    {
        await using (var marked = await OpenAsync(width, height))
        {
            try
            {
                var price = await marked.SaysAsync("èló ni jollof", r => r.Text.Contains("3,500"), "the price");
                price.ShouldNotContain(r => r.Text.Contains("àpò ọjà yín ✅"), "a question adds nothing");
                await marked.SaysAsync("mo fẹ́ ra jollof méjì", r => r.Text.Contains("7,000"), "2 jollof added");
            }
            finally
            {
                await marked.WriteTranscriptAsync(output);
            }
        }

        await using var plain = await OpenAsync(width, height);
        try
        {
            await plain.SaysAsync("elo ni jollof", r => r.Text.Contains("3,500"), "the price");
            await plain.SaysAsync("mo fe ra jollof meji", r => r.Text.Contains("7,000"), "2 jollof added");
            await HeadlessChromium.ScreenshotAsync(plain.Page, $"webchat-yo-{width}x{height}");
        }
        finally
        {
            await plain.WriteTranscriptAsync(output);
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task A_hausa_customer_orders_then_opts_out(int width, int height)
    {
        await using var chat = await OpenAsync(width, height);
        try
        {
            await chat.SaysAsync("ina son shinkafa jollof guda biyu", r => r.Text.Contains("7,000"), "2 jollof added");
            await chat.SaysAsync("ku daina turo min sako", r => r.Text.Contains("An gama"), "the opt-out confirmed");
            await HeadlessChromium.ScreenshotAsync(chat.Page, $"webchat-ha-{width}x{height}");
        }
        finally
        {
            await chat.WriteTranscriptAsync(output);
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Pidgin_and_yoruba_customers_read_the_pickup_address_then_move_to_a_delivery_zone_and_its_fee(int width, int height)
    {
        await using (var pidgin = await OpenAsync(width, height))
        {
            try
            {
                await pidgin.SaysAsync("I want 2 jollof rice", r => r.Text.Contains("7,000"), "2 jollof added");
                await pidgin.SaysAsync("na all", r => r.Choices.Count > 0, "pickup or delivery");
                await pidgin.SaysAsync("I go come carry am", r => r.Text.Contains("Herbert Macaulay"), "the pickup summary with the address");
                var moved = await pidgin.SaysAsync("na Yaba I dey now", r => r.Text.Contains("Yaba") && r.Text.Contains("1,500"), "a delivery to Yaba with its fee");
                moved.ShouldNotBeEmpty();
            }
            finally
            {
                await pidgin.WriteTranscriptAsync(output);
            }
        }

        await using var yoruba = await OpenAsync(width, height);
        try
        {
            await yoruba.SaysAsync("mo fe ra jollof meji", r => r.Text.Contains("7,000"), "2 jollof added");
            await yoruba.SaysAsync("rara", r => r.Choices.Count > 0, "pickup or delivery");
            await yoruba.SaysAsync("pickup", r => r.Text.Contains("Herbert Macaulay"), "the pickup summary with the address");
            await yoruba.SaysAsync("mo wa ni Surulere bayi", r => r.Text.Contains("Surulere") && r.Text.Contains("2,000"), "a delivery to Surulere with its fee");
            await HeadlessChromium.ScreenshotAsync(yoruba.Page, $"webchat-yo-moved-{width}x{height}");
        }
        finally
        {
            await yoruba.WriteTranscriptAsync(output);
        }
    }

    private async Task<WebChatVisitor> OpenAsync(int width, int height)
    {
        // A context of its own: its own local storage, so its own chat session and contact.
        var page = await server.OpenChatAsync(width, height);
        return new WebChatVisitor(page.Context, page);
    }

    /// <summary>One bubble of the page as the visitor sees it: who wrote it, its text, the buttons under it.</summary>
    private sealed record Bubble(bool Outbound, string Text, IReadOnlyList<string> Choices);

    private sealed class WebChatVisitor(IBrowserContext context, IPage page) : IAsyncDisposable
    {
        private const string ReadBubbles = """
            () => [...document.querySelectorAll('#log .msg:not(.pending)')].map(d => ({
              outbound: d.classList.contains('outbound'),
              text: d.firstChild.textContent,
              choices: [...d.querySelectorAll('.choices button')].map(b => b.firstChild.textContent),
            }))
            """;

        public IPage Page => page;

        /// <summary>Types and sends <paramref name="text"/>, waits for a reply matching <paramref name="expected"/>; returns the replies to it.</summary>
        public async Task<IReadOnlyList<Bubble>> SaysAsync(string text, Func<Bubble, bool> expected, string what)
        {
            var before = (await BubblesAsync()).Count;
            await page.FillAsync("#text", text);
            await page.ClickAsync("#send");
            var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
            while (true)
            {
                var replies = Replies(await BubblesAsync(), before, text);
                if (replies.Any(expected))
                {
                    return replies;
                }

                if (DateTimeOffset.UtcNow > deadline)
                {
                    throw new ShouldAssertException($"\"{text}\": no reply with {what}; replies: {string.Join(" | ", replies.Select(r => r.Text))}");
                }

                // The page polls the server every second; each new render is the next state to look at.
                await page.WaitForFunctionAsync(
                    "n => document.querySelectorAll('#log .msg:not(.pending)').length > n",
                    (await BubblesAsync()).Count,
                    new PageWaitForFunctionOptions { Timeout = (float)Math.Max(1, (deadline - DateTimeOffset.UtcNow).TotalMilliseconds), PollingInterval = 100 })
                    .ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        public async Task WriteTranscriptAsync(ITestOutputHelper output)
        {
            output.WriteLine($"--- {page.ViewportSize?.Width}x{page.ViewportSize?.Height}");
            foreach (var bubble in await BubblesAsync())
            {
                output.WriteLine($"{(bubble.Outbound ? "BOT " : "ME  ")}{bubble.Text}{(bubble.Choices.Count > 0 ? " [" + string.Join(" | ", bubble.Choices) + "]" : "")}");
            }
        }

        public async ValueTask DisposeAsync() => await context.CloseAsync();

        private async Task<IReadOnlyList<Bubble>> BubblesAsync()
        {
            var json = await page.EvaluateAsync<JsonElement>(ReadBubbles);
            return json.EnumerateArray()
                .Select(b => new Bubble(
                    b.GetProperty("outbound").GetBoolean(),
                    b.GetProperty("text").GetString() ?? "",
                    b.GetProperty("choices").EnumerateArray().Select(c => c.GetString() ?? "").ToList()))
                .ToList();
        }

        /// <summary>The bot's bubbles after the visitor's message (once the server has it).</summary>
        private static List<Bubble> Replies(IReadOnlyList<Bubble> bubbles, int before, string said)
        {
            var mine = bubbles.Select((b, i) => (b, i)).Where(x => x.i >= before && !x.b.Outbound && x.b.Text == said).Select(x => x.i).DefaultIfEmpty(-1).First();
            return mine < 0 ? [] : bubbles.Skip(mine + 1).Where(b => b.Outbound).ToList();
        }
    }
}
