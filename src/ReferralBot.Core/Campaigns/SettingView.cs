namespace ReferralBot.Core.Campaigns;

/// <summary>
/// A campaign setting's value as the prompts show it: a length of time as a number of days or hours for the prompt to
/// word in its language, anything else as <see cref="Value"/>. <see cref="Note"/> says more about some values (for
/// <c>default</c>: not-running, or fallback when <c>/start</c> joins it without the flag).
/// </summary>
public sealed record SettingView(string Key, string? Value, int? Days, int? Hours, string? Note = null)
{
    public static SettingView Of(CampaignSetting setting, Campaign campaign)
    {
        var value = setting.Show(campaign);
        if (setting.Hours?.Invoke(campaign) is not { } hours) return new(setting.Key, value, null, null);
        return hours % 24 == 0 ? new(setting.Key, value, hours / 24, null) : new(setting.Key, value, null, hours);
    }
}
