using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Bot;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Cluster;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Experiments;
using ReferralBot.Core.Inbound;
using ReferralBot.Core.Languages;
using ReferralBot.Core.Limits;
using ReferralBot.Core.Links;
using ReferralBot.Core.Members;
using ReferralBot.Core.Nudges;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Pages;
using ReferralBot.Core.Payouts;
using ReferralBot.Core.Privacy;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Reports;
using ReferralBot.Core.Review;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Secrets;
using ReferralBot.Core.Sharing;
using ReferralBot.Core.Stats;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Setup;

public static class CoreSetup
{
    /// <summary>
    /// The features and the conversation engine, each registered by the setup file beside it. A store
    /// (<see cref="IDatabaseInitializer"/>) and channels are added beside the core.
    /// </summary>
    public static IServiceCollection AddReferralBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<CoreStartup>();

        return services
            .AddBot()
            .AddPrompts()
            .AddConversation()
            .AddLanguages()
            .AddLimits()
            .AddStorage()
            .AddCluster()
            .AddInbound()
            .AddOutbound()
            .AddAdministration()
            .AddCampaigns()
            .AddLinks()
            .AddMembers()
            .AddSharing()
            .AddExperiments()
            .AddClaims()
            .AddSecrets()
            .AddClicks()
            .AddPages()
            .AddStats()
            .AddRewards()
            .AddPurchases()
            .AddPayouts()
            .AddReview()
            .AddNudges()
            .AddPrivacy()
            .AddReports();
    }
}
