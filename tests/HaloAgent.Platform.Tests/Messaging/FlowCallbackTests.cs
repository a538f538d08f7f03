using HaloAgent.Platform.Messaging;

namespace HaloAgent.Platform.Tests.Messaging;

public sealed class FlowCallbackTests
{
    [Fact]
    public void A_flow_message_names_its_flow_node_and_each_variant_and_the_variant_is_read_back_for_that_flow_only()
    {
        var data = FlowCallback.Format("welcome", "send-offer", [KeyValuePair.Create("split", "offer"), KeyValuePair.Create("tone", "warm")]);
        data.ShouldBe("welcome/send-offer|split=offer|tone=warm");
        FlowCallback.VariantOf(data, "welcome", "split").ShouldBe("offer");
        FlowCallback.VariantOf(data, "welcome", "tone").ShouldBe("warm");
        FlowCallback.VariantOf(data, "welcome", "other").ShouldBeNull();
        FlowCallback.VariantOf(data, "welcome-2", "split").ShouldBeNull("another flow's message");
        FlowCallback.VariantOf("welcome/send-offer", "welcome", "split").ShouldBeNull("sent before the split");
        FlowCallback.Format("welcome", "greet", []).ShouldBe("welcome/greet");
    }

    [Fact]
    public void Variants_that_would_pass_Meta_s_512_characters_are_left_off_rather_than_cut()
    {
        var longName = new string('v', 300);
        var data = FlowCallback.Format("welcome", "send", [KeyValuePair.Create("a", longName), KeyValuePair.Create("b", longName), KeyValuePair.Create("c", "x")]);
        data.Length.ShouldBeLessThanOrEqualTo(FlowCallback.MaxLength);
        FlowCallback.VariantOf(data, "welcome", "a").ShouldBe(longName);
        FlowCallback.VariantOf(data, "welcome", "b").ShouldBeNull();
        FlowCallback.VariantOf(data, "welcome", "c").ShouldBe("x");
    }
}
