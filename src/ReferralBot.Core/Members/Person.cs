namespace ReferralBot.Core.Members;

/// <summary>Someone the bot has talked to, as one channel knows them (<c>telegram:123456789</c>).</summary>
public sealed class Person
{
    public int Id { get; private set; }
    public required string Channel { get; init; }
    public required string ExternalId { get; init; }
    public required string DisplayName { get; set; }
    public string? Username { get; set; }
    /// <summary>The language tag their app last reported (Telegram's language_code, an activity's locale).</summary>
    public string Locale { get; set; } = "en";

    /// <summary>
    /// The language the bot speaks to them (a folder of prompts: en, zh-Hans, ms, ta): their app's on first contact
    /// when the bot speaks it, then what they chose with <c>/language</c>. Null: their campaign's default language.
    /// </summary>
    public string? Language { get; set; }

    /// <summary>Where the bot can write to them on its own later (notifications, nudges).</summary>
    public string? PrivateChatId { get; set; }

    /// <summary>When a channel said they cannot be written to (blocked the bot, deleted their account).</summary>
    public DateTime? UnreachableAt { get; set; }

    /// <summary>Set by <c>/stop</c>: the bot writes to them only in answer, until <c>/resume</c>.</summary>
    public DateTime? StoppedAt { get; set; }

    /// <summary>
    /// Set by <c>/forget yes</c>: their name, username and chat address were erased and the bot writes to them no
    /// more. Codes, claims and the ledger stay (money owed is kept), tied to no one nameable.
    /// </summary>
    public DateTime? ErasedAt { get; set; }

    /// <summary>When they last sent <c>/photo</c> without a picture: a picture sent soon after is taken for their page.</summary>
    public DateTime? PhotoRequestedAt { get; set; }

    /// <summary>Set by <c>/hide</c>: left off leaderboards (their rank is still told to them) until <c>/show</c>.</summary>
    public bool HiddenFromLeaderboards { get; set; }

    public DateTime FirstSeenAt { get; init; }
    public DateTime LastSeenAt { get; set; }

    public string Address => $"{Channel}:{ExternalId}";
}
