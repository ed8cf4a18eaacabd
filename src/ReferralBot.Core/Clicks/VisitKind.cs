namespace ReferralBot.Core.Clicks;

/// <summary>What a counted visit was: a tracked link followed to the shop, or a look at a referrer's landing page.</summary>
public enum VisitKind
{
    Click = 0,
    PageView = 1,
}
