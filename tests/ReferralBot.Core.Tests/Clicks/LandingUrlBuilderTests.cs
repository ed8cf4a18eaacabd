using ReferralBot.Core.Clicks;

namespace ReferralBot.Core.Tests.Clicks;

public sealed class LandingUrlBuilderTests
{
    private static RedirectTarget To(string landing) => new("JANE20", 1, 1, "glow-serum", landing);

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
}
