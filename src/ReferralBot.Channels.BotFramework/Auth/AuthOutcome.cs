namespace ReferralBot.Channels.BotFramework.Auth;

/// <summary>What the inbound token check decided: go on, 401 (who are you?) or 403 (not for this channel).</summary>
public sealed record AuthOutcome(int Status, string? Problem)
{
    public static readonly AuthOutcome Ok = new(200, null);

    public bool Succeeded => Status == 200;

    public static AuthOutcome Unauthorized(string problem) => new(401, problem);

    public static AuthOutcome Forbidden(string problem) => new(403, problem);
}
