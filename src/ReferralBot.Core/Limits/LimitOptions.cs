using System.ComponentModel.DataAnnotations;

namespace ReferralBot.Core.Limits;

/// <summary>
/// Limits on abuse of the bot itself (<c>Limits:</c>), per person in chat and per address on the web. Each instance
/// keeps its own counts (several instances each allow this much).
/// </summary>
public sealed class LimitOptions
{
    public const string Section = "Limits";

    /// <summary>Messages a person may send in a minute; past it they are told once to slow down and the rest go unanswered.</summary>
    [Range(1, 100_000)]
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>Admin commands an admin may send in a minute.</summary>
    [Range(1, 100_000)]
    public int AdminCommandsPerMinute { get; set; } = 60;

    /// <summary>Codes a person may get wrong (unknown or malformed) in <see cref="WrongCodesWindow"/> before claims wait.</summary>
    [Range(1, 100_000)]
    public int WrongCodes { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan WrongCodesWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Unknown codes one address may ask the web links for in a minute (<c>/r/</c>, <c>/p/</c>, <c>/qr/</c>); past it, every code waits out the minute. Known codes never count.</summary>
    [Range(1, 1_000_000)]
    public int UnknownCodesPerAddressPerMinute { get; set; } = 30;
}
