using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Nudges;

internal static class NudgesSetup
{
    internal static IServiceCollection AddNudges(this IServiceCollection services)
    {
        services.AddOptions<NudgeOptions>().BindConfiguration(NudgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<NudgePlanner>();
        services.AddScoped<NudgeRenderer>();
        services.AddScoped<NudgeDispatcher>();
        services.AddScoped<CampaignReminders>();
        services.AddScoped<IChatCommand, StopCommand>();
        services.AddScoped<IChatCommand, ResumeCommand>();
        return services;
    }
}
