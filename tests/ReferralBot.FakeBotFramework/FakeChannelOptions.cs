namespace ReferralBot.FakeBotFramework;

/// <summary>Who the bot is to the fake channel, and what the channel's first signing key vouches for.</summary>
public sealed class FakeChannelOptions
{
    /// <summary>The bot's Microsoft App ID: the token endpoint's client_id and minted tokens' audience.</summary>
    public string AppId { get; init; } = "test-app-id";

    /// <summary>The bot's app password: the token endpoint's client_secret.</summary>
    public string AppPassword { get; init; } = "test-app-password";

    /// <summary>The issuer in the OpenID metadata and in minted tokens, as Bot Framework's channel tokens carry it.</summary>
    public string Issuer { get; init; } = "https://api.botframework.com";

    /// <summary>The channels the initial signing key is endorsed for (its "endorsements" in the JWKS).</summary>
    public string[] EndorsedChannels { get; init; } = ["webchat", "msteams", "emulator"];

    /// <summary>The clock of recorded calls and of minted tokens' default times (the certificate always uses real time).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
