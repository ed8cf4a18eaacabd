namespace ReferralBot.Core.Links;

public sealed record DeepLink(string Channel, string Url);
