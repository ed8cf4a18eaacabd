using System.Reflection;

namespace ReferralBot.Core.Prompts;

/// <summary>Every message the bot can say, one template each. Start-up fails if one is missing.</summary>
public static class PromptName
{
    public const string Welcome = "welcome";
    public const string WelcomeBack = "welcome-back";
    public const string NoCampaign = "no-campaign";
    public const string CampaignNotFound = "campaign-not-found";
    public const string CodeCard = "code-card";
    public const string QrCaption = "qr-caption";
    public const string ShareText = "share-text";
    public const string ButtonShare = "button-share";
    public const string ButtonStats = "button-stats";
    public const string ButtonQr = "button-qr";
    public const string ButtonCode = "button-code";
    public const string ClaimUsage = "claim-usage";
    public const string ClaimSucceeded = "claim-succeeded";
    public const string ClaimInvalidCode = "claim-invalid-code";
    public const string ClaimUnknownCode = "claim-unknown-code";
    public const string ClaimOwnCode = "claim-own-code";
    public const string ClaimAlreadyClaimed = "claim-already-claimed";
    public const string ClaimCampaignClosed = "claim-campaign-closed";
    public const string ClaimCircular = "claim-circular";
    public const string ReferrerNewSignUp = "referrer-new-sign-up";
    public const string Stats = "stats";
    public const string StatsNotMember = "stats-not-member";
    public const string SomethingWentWrong = "something-went-wrong";
    public const string Help = "help";
    public const string UnknownCommand = "unknown-command";
    public const string FreeText = "free-text";
    public const string FreeTextLooksLikeCode = "free-text-code";
    public const string AdminOnly = "admin-only";
    public const string AdminUsage = "admin-usage";
    public const string AdminBadAddress = "admin-bad-address";
    public const string AdminAdded = "admin-added";
    public const string AdminAlready = "admin-already";
    public const string AdminRemoved = "admin-removed";
    public const string AdminNotFound = "admin-not-found";
    public const string AdminConfigured = "admin-configured";
    public const string AdminList = "admin-list";
    public const string CampaignUsage = "campaign-usage";
    public const string CampaignBadSlug = "campaign-bad-slug";
    public const string CampaignBadUrl = "campaign-bad-url";
    public const string CampaignExists = "campaign-exists";
    public const string CampaignCreated = "campaign-created";
    public const string CampaignUnknown = "campaign-unknown";
    public const string CampaignList = "campaign-list";
    public const string CampaignShow = "campaign-show";
    public const string CampaignStateChanged = "campaign-state-changed";
    public const string CampaignStateSame = "campaign-state-same";
    public const string CampaignEndedFinal = "campaign-ended-final";
    public const string CampaignSetDone = "campaign-set-done";
    public const string CampaignSetInvalid = "campaign-set-invalid";
    public const string CampaignSetUnknownKey = "campaign-set-unknown-key";
    public const string MenuCampaign = "menu-campaign";
    public const string MenuTier = "menu-tier";
    public const string MenuConfirm = "menu-confirm";
    public const string MenuStop = "menu-stop";
    public const string MenuResume = "menu-resume";
    public const string MenuVoice = "menu-voice";
    public const string NudgeReferrerPurchase = "nudge-referrer-purchase";
    public const string NudgeThankYou = "nudge-thank-you";
    public const string NudgeShareAgain = "nudge-share-again";
    public const string NudgeTierUp = "nudge-tier-up";
    public const string StopDone = "stop-done";
    public const string MenuLeaderboard = "menu-leaderboard";
    public const string MenuHide = "menu-hide";
    public const string MenuShow = "menu-show";
    public const string Leaderboard = "leaderboard";
    public const string HideDone = "hide-done";
    public const string ShowDone = "show-done";
    public const string MenuForget = "menu-forget";
    public const string ForgetConfirm = "forget-confirm";
    public const string ForgetDone = "forget-done";
    public const string ResumeDone = "resume-done";
    public const string VoiceUsage = "voice-usage";
    public const string VoiceSet = "voice-set";
    public const string VoiceCleared = "voice-cleared";
    public const string VoiceNotInfluencer = "voice-not-influencer";
    public const string VoiceTooLong = "voice-too-long";
    public const string MenuRefund = "menu-refund";
    public const string ConfirmUsage = "confirm-usage";
    public const string ConfirmBadValue = "confirm-bad-value";
    public const string ConfirmDone = "confirm-done";
    public const string RefundUsage = "refund-usage";
    public const string RefundUnknown = "refund-unknown";
    public const string RefundDone = "refund-done";
    public const string MenuTerms = "menu-terms";
    public const string TierUsage = "tier-usage";
    public const string TierBadValue = "tier-bad-value";
    public const string TierSet = "tier-set";
    public const string TierRemoved = "tier-removed";
    public const string Terms = "terms";
    public const string MenuInfluencer = "menu-influencer";
    public const string InfluencerUsage = "influencer-usage";
    public const string InfluencerUnknownPerson = "influencer-unknown-person";
    public const string InfluencerBadFee = "influencer-bad-fee";
    public const string InfluencerCodeTaken = "influencer-code-taken";
    public const string InfluencerSet = "influencer-set";
    public const string MenuAdmin = "menu-admin";
    public const string NotFoundPage = "not-found-page";
    public const string GroupUsePrivateChat = "group-use-private-chat";
    public const string MenuStart = "menu-start";
    public const string MenuCode = "menu-code";
    public const string MenuClaim = "menu-claim";
    public const string MenuStats = "menu-stats";
    public const string MenuHelp = "menu-help";

    public static IReadOnlyList<string> All { get; } = typeof(PromptName)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();
}
