using System.ComponentModel.DataAnnotations;

namespace ReferralBot.Core.Clicks;

/// <summary>The <c>Clicks</c> section: how clicks are buffered before they are written.</summary>
public sealed class ClickOptions
{
    public const string Section = "Clicks";

    /// <summary>How long a click may wait in memory before it is written.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 1_000;

    /// <summary>Clicks held in memory at most; past that a redirect waits for the writer rather than drop a click.</summary>
    [Range(1, 1_000_000)]
    public int Capacity { get; set; } = 100_000;

    /// <summary>
    /// The secret unique visitors are hashed with (salted daily). Empty: one generated once into the database, which
    /// every instance on it shares.
    /// </summary>
    [MinLength(16)]
    public string? VisitorSecret { get; set; }

    /// <summary>How long a code's redirect target is cached (0 turns the cache off); admin changes expire it at once.</summary>
    public TimeSpan TargetCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
