namespace ReferralBot.FakeBotFramework;

/// <summary>
/// What <see cref="FakeBotFrameworkChannel.CreateToken"/> puts in an inbound (channel → bot) token; every property
/// left null takes the channel's value, so <c>new TokenOptions()</c> makes a token the bot should accept.
/// </summary>
public sealed record TokenOptions
{
    /// <summary>The aud claim; the channel's AppId unless given.</summary>
    public string? Audience { get; init; }

    /// <summary>The iss claim; the channel's Issuer unless given.</summary>
    public string? Issuer { get; init; }

    /// <summary>The serviceurl claim, exactly as given; the channel's BaseUrl without its trailing slash unless given.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>nbf (and iat); a minute ago unless given, or an hour before <see cref="Expires"/> when that is earlier.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>exp; an hour from now unless given. A time in the past makes an expired token.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>
    /// Sign with a key the channel never published. Its kid is a fresh one, or <see cref="KeyId"/> when given: a
    /// published kid on a token the published key did not sign.
    /// </summary>
    public bool UseUnknownKey { get; init; }

    /// <summary>No signature at all: header {"alg":"none"}, and the token ends with its second dot.</summary>
    public bool AlgNone { get; init; }

    /// <summary>The published key to sign with (its kid goes in the header); the default key unless given.</summary>
    public string? KeyId { get; init; }

    /// <summary>More claims for the payload (e.g. "appid", "ver"); they override the standard ones of the same name.</summary>
    public IReadOnlyDictionary<string, object>? Claims { get; init; }
}
