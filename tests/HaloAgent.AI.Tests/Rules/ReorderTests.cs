using HaloAgent.AI.Tests.Support;

namespace HaloAgent.AI.Tests.Rules;

/// <summary>"Same as last time" in the five languages (issue 19): the last order again, never an order for nothing.</summary>
public class ReorderTests
{
    [Theory]
    [InlineData("same as last time", "en")]
    [InlineData("the usual please", "en")]
    [InlineData("same order as before", "en")]
    [InlineData("abeg give me the usual", "pcm")]
    [InlineData("make e be like the last one", "pcm")]
    [InlineData("wetin I buy last time", "pcm")]
    [InlineData("bí ti tẹ́lẹ̀ ni", "yo")]
    [InlineData("bi ti tele", "yo")]
    [InlineData("ohun tí mo rà tẹ́lẹ̀", "yo")]
    [InlineData("dị ka nke gara aga", "ig")]
    [InlineData("di ka nke gara aga biko", "ig")]
    [InlineData("kamar na da", "ha")]
    [InlineData("abin da na saya a baya", "ha")]
    public async Task The_last_order_again_is_a_reorder(string text, string language)
    {
        var result = await Support.Rules.UnderstandAsync(text, "more");

        result.Intent.ShouldBe(Intent.Reorder);
        result.Language.ShouldBe(language);
        result.Items.ShouldBeEmpty();
    }
}
