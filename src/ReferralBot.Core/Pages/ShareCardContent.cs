namespace ReferralBot.Core.Pages;

/// <summary>What a preview card says and shows; the words come from the prompts, the picture from the owner.</summary>
public sealed record ShareCardContent(
    string Campaign, string Headline, string Byline, string CodeLabel, string Code, string QrText, byte[]? Photo, string Initials);
