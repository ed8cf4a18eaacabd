using ReferralBot.Core.Pages;
using ReferralBot.Testing;
using SkiaSharp;

namespace ReferralBot.Core.Tests.Pages;

public sealed class PhotoImageTests
{
    [Fact]
    public void A_camera_sized_photo_becomes_a_small_square_jpeg()
    {
        var jpeg = PhotoImage.ToJpeg(TestPictures.NoisyJpeg(1280, 960))!;

        var (width, height, _) = TestPictures.Read(jpeg);
        Assert.Equal((PhotoImage.Size, PhotoImage.Size), (width, height));
        Assert.True(jpeg.Length <= PhotoImage.MaxJpegBytes, $"{jpeg.Length} bytes");
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
    }

    [Fact]
    public void The_centre_of_a_wide_picture_is_kept()
    {
        var jpeg = PhotoImage.ToJpeg(TestPictures.Png(900, 300, SKColors.Red))!;

        var (width, height, centre) = TestPictures.Read(jpeg);
        Assert.Equal((300, 300), (width, height)); // smaller than the page's size: not blown up
        Assert.True(centre is { Red: > 240, Green: > 240, Blue: > 240 }, $"centre {centre}");
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 2, 3, 4 })]
    public void Something_that_is_not_a_picture_is_refused(byte[] input) => Assert.Null(PhotoImage.ToJpeg(input));

    [Fact]
    public void A_picture_too_small_to_show_is_refused() => Assert.Null(PhotoImage.ToJpeg(TestPictures.Png(40, 40, SKColors.Blue)));
}
