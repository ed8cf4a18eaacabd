using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Campaigns;

internal static class CampaignsSetup
{
    internal static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.AddScoped<CampaignDirectory>();
        services.AddScoped<CampaignAdministration>();
        services.AddScoped<CampaignOverview>();
        services.AddScoped<IChatCommand, CampaignCommand>();
        services.AddScoped<IChatCommand, TierCommand>();
        services.AddScoped<IChatCommand, TermsCommand>();
        services.AddScoped<DefaultCampaignSeeder>();
        return services;
    }
}
