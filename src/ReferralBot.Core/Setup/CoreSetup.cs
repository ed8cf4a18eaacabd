using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Bot;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Inbound;
using ReferralBot.Core.Links;
using ReferralBot.Core.Members;
using ReferralBot.Core.Nudges;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Privacy;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Reports;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Secrets;
using ReferralBot.Core.Stats;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Setup;

public static class CoreSetup
{
    /// <summary>The features and the conversation engine. A store (<see cref="Storage.IDatabaseInitializer"/>) and channels are added beside it.</summary>
    public static IServiceCollection AddReferralBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).PostConfigure(o => o.Normalize()).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PromptOptions>().BindConfiguration(PromptOptions.Section);
        services.AddOptions<ClickOptions>().BindConfiguration(ClickOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NudgeOptions>().BindConfiguration(NudgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddHostedService<CoreStartup>();

        return services
            .AddConversation()
            .AddAdministration()
            .AddCampaigns()
            .AddMembers(configuration)
            .AddClaims()
            .AddClicks()
            .AddStats()
            .AddMessaging()
            .AddPurchases()
            .AddNudges()
            .AddReports();
    }

    private static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<CampaignFigures>();
        services.AddScoped<LeaderboardQuery>();
        services.AddScoped<CampaignReportQuery>();
        services.AddScoped<IChatCommand, ReportCommand>();
        services.AddScoped<CampaignExport>();
        services.AddScoped<IChatCommand, ExportCommand>();
        services.AddScoped<IChatCommand, LeaderboardCommand>();
        services.AddScoped<IChatCommand, HideCommand>();
        services.AddScoped<IChatCommand, ShowCommand>();
        return services;
    }

    private static IServiceCollection AddNudges(this IServiceCollection services)
    {
        services.AddScoped<NudgePlanner>();
        services.AddScoped<NudgeRenderer>();
        services.AddScoped<NudgeDispatcher>();
        services.AddScoped<CampaignReminders>();
        services.AddScoped<IChatCommand, StopCommand>();
        services.AddScoped<IChatCommand, ResumeCommand>();
        services.AddScoped<IChatCommand, VoiceCommand>();
        services.AddScoped<PersonalDataEraser>();
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<IChatCommand, ForgetCommand>();
        services.AddScoped<IChatCommand, MyDataCommand>();
        return services;
    }

    private static IServiceCollection AddPurchases(this IServiceCollection services)
    {
        services.AddScoped<PurchaseAttribution>();
        services.AddScoped<PurchaseLookup>();
        services.AddScoped<PurchaseIntake>();
        services.AddScoped<RefundIntake>();
        services.AddScoped<RewardCalculator>();
        services.AddScoped<TierStanding>();
        services.AddScoped<IChatCommand, ConfirmCommand>();
        services.AddScoped<IChatCommand, RefundCommand>();
        return services;
    }

    private static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddSingleton<ChannelAddresses>();
        services.AddSingleton<GroupCommitWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommitWriter>());
        services.AddSingleton<InboundReceipts>();
        services.AddSingleton<InboundReceiptPruner>();
        services.AddHostedService(sp => sp.GetRequiredService<InboundReceiptPruner>());
        services.AddSingleton<Reachability>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Outbox>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }

    private static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddScoped<AdminDirectory>();
        services.AddScoped<AuditLog>();
        services.AddScoped<IChatCommand, AdminCommand>();
        return services;
    }

    private static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddSingleton<PromptCatalog>();
        services.AddSingleton<PromptRenderer>();
        services.AddSingleton<AdminPolicy>();
        services.AddSingleton<ConversationGateway>();
        services.AddScoped<ConversationEngine>();
        services.AddScoped<IChatCommand, HelpCommand>();
        return services;
    }

    private static IServiceCollection AddCampaigns(this IServiceCollection services)
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

    private static IServiceCollection AddMembers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ChatDeepLinks { TelegramBotUsername = configuration["Telegram:BotUsername"] });
        services.AddSingleton<ReferralLinkBuilder>();
        services.AddScoped<CustomerCodeGenerator>();
        services.AddScoped<CodeSuggester>();
        services.AddScoped<MemberDirectory>();
        services.AddScoped<MembershipResolver>();
        services.AddSingleton<CodeCardBuilder>();
        services.AddScoped<ReferralLookup>();
        services.AddScoped<IChatCommand, CodeCommand>();
        services.AddScoped<IChatCommand, QrCommand>();
        services.AddScoped<InfluencerEnrollment>();
        services.AddScoped<IChatCommand, InfluencerCommand>();
        return services;
    }

    private static IServiceCollection AddClaims(this IServiceCollection services)
    {
        services.AddScoped<ClaimService>();
        services.AddSingleton<FreshClaims>();
        services.AddSingleton<CodeLengthHints>();
        services.AddSingleton<ClaimReplies>();
        services.AddScoped<IChatCommand, StartCommand>();
        services.AddScoped<IChatCommand, ClaimCommand>();
        return services;
    }

    private static IServiceCollection AddClicks(this IServiceCollection services)
    {
        services.AddSingleton<ClickBuffer>();
        services.AddSingleton<ClickWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ClickWriter>());
        services.AddSingleton<ReferralRedirects>();
        services.AddSingleton<RedirectCacheSignal>();
        services.AddSingleton<VisitorSalt>();
        services.AddScoped<StoredSecrets>();
        return services;
    }

    private static IServiceCollection AddStats(this IServiceCollection services)
    {
        services.AddScoped<MemberStatsQuery>();
        services.AddScoped<IChatCommand, StatsCommand>();
        return services;
    }
}
