using ReferralBot.Core.Clicks;

namespace ReferralBot.Core.Tests.Clicks;

public sealed class LandingUrlBuilderTests
{
    private static RedirectTarget To(string landing) => new("JANE20", 1, 1, "glow-serum", landing, LandingPage: false);

    [Fact]
    public void The_utm_tags_and_ref_are_added()
    {
        var url = LandingUrlBuilder.Build(To("https://shop.example.sg/serum"), "ig");

        Assert.Equal("https://shop.example.sg/serum?utm_source=ig&utm_medium=referral&utm_campaign=glow-serum&utm_content=JANE20&ref=JANE20", url);
    }

    [Fact]
    public void The_landing_urls_own_query_and_fragment_are_kept()
    {
        var url = LandingUrlBuilder.Build(To("https://shop.example.sg/p?lang=en&size=30ml#reviews"), null);

        Assert.Equal(
            "https://shop.example.sg/p?lang=en&size=30ml&utm_source=referralbot&utm_medium=referral&utm_campaign=glow-serum&utm_content=JANE20&ref=JANE20#reviews",
            url);
    }

    [Fact]
    public void Our_keys_replace_the_same_keys_in_the_landing_url()
    {
        var url = LandingUrlBuilder.Build(To("https://shop.example.sg/?utm_source=newsletter&ref=OLD&x=1"), "qr");

        Assert.Equal("https://shop.example.sg/?x=1&utm_source=qr&utm_medium=referral&utm_campaign=glow-serum&utm_content=JANE20&ref=JANE20", url);
    }

    [Fact]
    public void Our_keys_are_recognised_escaped_and_in_any_case_and_empty_pairs_are_dropped()
    {
        var url = LandingUrlBuilder.Build(To("https://shop.example.sg/?utm%5Fsource=old&&REF=OLD&rb_ref=zzz&keep=a%26b"), "qr");

        Assert.Equal("https://shop.example.sg/?keep=a%26b&utm_source=qr&utm_medium=referral&utm_campaign=glow-serum&utm_content=JANE20&ref=JANE20", url);
    }

    [Fact]
    public void A_buyers_reference_is_passed_on_as_rb_ref()
    {
        var url = LandingUrlBuilder.Build(To("https://shop.example.sg/serum#buy"), "tg", "k3x9m2p7qa");

        Assert.Equal(
            "https://shop.example.sg/serum?utm_source=tg&utm_medium=referral&utm_campaign=glow-serum&utm_content=JANE20&ref=JANE20&rb_ref=k3x9m2p7qa#buy",
            url);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("k3x9m2p7qa&x=1")]
    [InlineData("K3X9M2P7QA")]
    [InlineData("<script>!!")]
    public void A_malformed_reference_is_left_out(string reference)
    {
        var url = LandingUrlBuilder.Build(To("https://shop.example.sg/serum"), null, reference);

        Assert.DoesNotContain("rb_ref", url);
    }
}
